using System.Text;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Seeding;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// The service loads seeds/tasks at start through the validation of the API: every record arrives with its exact
/// Vietnamese text, its fixed name and (tasks) the state the import path accepted, and starting again on the same
/// database adds, changes and records nothing.
/// </summary>
public abstract class SeedLoadingTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : TasksServiceFixture, ISeededService
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Every_seed_programme_is_stored_under_its_fixed_name_as_written()
    {
        var seeds = TaskSeedFiles.Programmes();

        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            var stored = await Client.GetProgrammeAsync(new GetProgrammeRequest { Name = seed.Name });
            Assert.Equal(seed.DisplayName, stored.DisplayName);
            Assert.True(stored.DisplayName.IsNormalized(NormalizationForm.FormC), $"{seed.Name}: display name is not NFC.");
            Assert.Equal(seed.Code, stored.Code);
            Assert.Equal(seed.Level, stored.Level);
            Assert.Equal(seed.StartYear, stored.StartYear);
            Assert.Equal(seed.EndYear, stored.EndYear);
            Assert.Equal(seed.ManagingBody, stored.ManagingBody);
            Assert.Equal(seed.ProvinceCode, stored.ProvinceCode);
        }
    }

    [Fact]
    public async Task Every_seed_task_passed_the_import_validation_and_is_stored_as_written()
    {
        var seeds = TaskSeedFiles.Tasks();

        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            // A record the import validation refused would be missing here (the loader skips and logs it).
            var stored = await Client.GetTaskAsync(new GetTaskRequest { Name = seed.Name });
            Assert.Equal(seed.Title, stored.Title);
            Assert.Equal(seed.Subject, stored.Subject);
            Assert.Equal(seed.HostOrganisation.DisplayName, stored.HostOrganisation.DisplayName);
            Assert.All(
                new[] { stored.Title, stored.Subject, stored.HostOrganisation.DisplayName },
                text => Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{seed.Name}: \"{text}\" is not NFC."));
            Assert.Equal(seed.Kind, stored.Kind);
            Assert.Equal(seed.Level, stored.Level);
            Assert.Equal(seed.ProvinceCode, stored.ProvinceCode);
            Assert.Equal(seed.Field, stored.Field);
            Assert.Equal(seed.Programme, stored.Programme);
            Assert.Equal(seed.Code, stored.Code);
            Assert.Equal(seed.StartDate, stored.StartDate);
            Assert.Equal(seed.EndDate, stored.EndDate);
            // The import path keeps the historical state instead of starting the task at PROPOSED.
            Assert.Equal(seed.State, stored.State);
            Assert.Equal(seed.AcceptanceRating, stored.AcceptanceRating);
        }
    }

    [Fact]
    public async Task Seeded_Vietnamese_text_comes_back_precomposed_exactly_as_in_the_article()
    {
        const string Subject = "khoai sọ Nậm Khao";
        // The literal is precomposed: a decomposed store or a lossy round trip would not compare equal.
        Assert.NotEqual(Subject, Subject.Normalize(NormalizationForm.FormD));

        var task = await Client.GetTaskAsync(new GetTaskRequest { Name = "tasks/lai-chau-2020-2021-khoai-so-nam-khao" });

        Assert.Equal(Subject, task.Subject);
        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lai Châu", task.HostOrganisation.DisplayName);
        Assert.Equal("12", task.ProvinceCode);
    }

    [Fact]
    public async Task Every_seed_task_has_exactly_one_history_entry_its_import()
    {
        foreach (var seed in TaskSeedFiles.Tasks())
        {
            var events = await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = seed.Name });

            var created = Assert.Single(events.TaskEvents);
            Assert.Equal(EventType.Created, created.Type);
            Assert.Equal(seed.State, created.NewState);
            Assert.Equal(seed.Title, created.TaskSnapshot.Title);
        }
    }

    [Fact]
    public Task Starting_again_on_the_same_database_adds_changes_and_records_nothing() =>
        SeedReload.AssertChangesNothingAsync(service, channel => new TasksService.TasksServiceClient(channel), SnapshotAsync);

    /// <summary>What a reload could disturb: every seed record's etag and update time, and every seed task's event count.</summary>
    private static async Task<IReadOnlyList<string>> SnapshotAsync(TasksService.TasksServiceClient client)
    {
        var lines = new List<string>();
        foreach (var seed in TaskSeedFiles.Programmes())
        {
            var programme = await client.GetProgrammeAsync(new GetProgrammeRequest { Name = seed.Name });
            lines.Add($"{programme.Name} {programme.Etag} {programme.UpdateTime}");
        }

        var programmes = await client.ListProgrammesAsync(new ListProgrammesRequest { PageSize = 1000 });
        lines.Add($"programmes listed: {programmes.TotalSize}");
        foreach (var seed in TaskSeedFiles.Tasks())
        {
            var task = await client.GetTaskAsync(new GetTaskRequest { Name = seed.Name });
            var events = await client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = seed.Name, PageSize = 1000 });
            lines.Add($"{task.Name} {task.Etag} {task.UpdateTime} events={events.TotalSize}");
        }

        return lines;
    }
}

public sealed class SeedLoadingOnSqlite(SeededSqliteTasksService service) : SeedLoadingTests<SeededSqliteTasksService>(service);

public sealed class SeedLoadingOnPostgreSql(SeededPostgreSqlTasksService service) : SeedLoadingTests<SeededPostgreSqlTasksService>(service);
