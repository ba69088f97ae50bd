using Grpc.Core;
using Khcn.Aip;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Tasks.TaskTestSupport;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>
/// TaskCreation in Import mode (what ImportTasks calls per record), driven inside the running service's container
/// over its real database: historical states load as they stand, as consistent pairs with their rating.
/// </summary>
public abstract class TaskCreationImportModeTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task An_imported_task_keeps_its_historical_state_and_rating()
    {
        var input = Marked(Marker());
        input.State = State.Accepted;
        input.AcceptanceRating = AcceptanceRating.Excellent;

        var entity = await ImportAsync(input);

        var stored = await Client.GetTaskAsync(new GetTaskRequest { Name = $"tasks/{entity.Id}" });
        Assert.Equal(State.Accepted, stored.State);
        Assert.Equal(AcceptanceRating.Excellent, stored.AcceptanceRating);
        var created = Assert.Single(await EventsAsync(Client, stored.Name));
        Assert.Equal(EventType.Created, created.Type);
        Assert.Equal(State.Unspecified, created.PreviousState);
        Assert.Equal(State.Accepted, created.NewState);
        Assert.Equal(stored, created.TaskSnapshot);
    }

    [Fact]
    public async Task An_imported_task_without_a_state_starts_proposed()
    {
        var entity = await ImportAsync(Marked(Marker()));

        Assert.Equal(State.Proposed, (await Client.GetTaskAsync(new GetTaskRequest { Name = $"tasks/{entity.Id}" })).State);
    }

    [Fact]
    public async Task Imported_counters_stay_zero_because_no_adjustment_happened_here()
    {
        var input = Marked(Marker());
        input.State = State.InProgress;
        input.AdjustmentCount = 2;
        input.ExtensionCount = 1;

        var entity = await ImportAsync(input);

        var stored = await Client.GetTaskAsync(new GetTaskRequest { Name = $"tasks/{entity.Id}" });
        Assert.Equal((State.InProgress, 0, 0), (stored.State, stored.AdjustmentCount, stored.ExtensionCount));
    }

    public static TheoryData<State, AcceptanceRating> InconsistentPairs() => new()
    {
        { State.Accepted, AcceptanceRating.Unspecified },
        { State.Accepted, AcceptanceRating.Fail },
        { State.Replicated, AcceptanceRating.Unspecified },
        { State.Failed, AcceptanceRating.Pass },
        { State.Failed, AcceptanceRating.Unspecified },
        { State.InProgress, AcceptanceRating.Excellent },
        { State.Unspecified, AcceptanceRating.Pass },
    };

    [Theory]
    [MemberData(nameof(InconsistentPairs))]
    public async Task A_rating_that_does_not_fit_the_imported_state_is_refused(State state, AcceptanceRating rating)
    {
        var input = Marked(Marker());
        input.State = state;
        input.AcceptanceRating = rating;

        var error = await Assert.ThrowsAsync<ApiException>(() => ImportAsync(input));

        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal(["task.acceptance_rating"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task An_unknown_imported_state_is_refused()
    {
        var input = Marked(Marker());
        input.State = (State)42;

        var error = await Assert.ThrowsAsync<ApiException>(() => ImportAsync(input));

        Assert.Equal(["task.state"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Import_mode_checks_the_content_like_create()
    {
        var input = Marked(Marker());
        input.Title = "";
        input.State = State.Failed;
        input.AcceptanceRating = AcceptanceRating.Fail;
        input.Budget.OtherSourcesVnd = -1;

        var error = await Assert.ThrowsAsync<ApiException>(() => ImportAsync(input, "Bad Id"));

        Assert.Equal(
            new[] { "task.budget.other_sources_vnd", "task.title", "task_id" },
            error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Added_tasks_are_not_stored_until_the_caller_saves()
    {
        var id = NewTaskId();
        using (var scope = service.Host.Services.CreateScope())
        {
            var creation = scope.ServiceProvider.GetRequiredService<TaskCreation>();
            var added = await creation.AddAsync(Marked(Marker()), id, TaskCreationMode.Import, CancellationToken.None);
            Assert.Equal(id, added.Id);
        }

        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => Client.GetTaskAsync(new GetTaskRequest { Name = $"tasks/{id}" }));
    }

    [Fact]
    public async Task A_code_repeated_within_one_unsaved_batch_is_refused()
    {
        var marker = Marker();
        using var scope = service.Host.Services.CreateScope();
        var creation = scope.ServiceProvider.GetRequiredService<TaskCreation>();
        await creation.AddAsync(Marked(marker), null, TaskCreationMode.Import, CancellationToken.None);

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            creation.AddAsync(Marked(marker, "Bản ghi trùng mã"), null, TaskCreationMode.Import, CancellationToken.None));

        Assert.Equal((ApiErrorCode.AlreadyExists, "DUPLICATE_TASK_CODE"), (error.Code, error.Reason));
    }

    private async Task<ScienceTask> ImportAsync(TaskMessage input, string? taskId = null)
    {
        using var scope = service.Host.Services.CreateScope();
        var creation = scope.ServiceProvider.GetRequiredService<TaskCreation>();
        var entity = await creation.AddAsync(input, taskId, TaskCreationMode.Import, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<TasksDbContext>().SaveChangesAsync();
        return entity;
    }
}

public sealed class TaskCreationImportModeTestsOnSqlite(SqliteTasksService service)
    : TaskCreationImportModeTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskCreationImportModeTestsOnPostgreSql(PostgreSqlTasksService service)
    : TaskCreationImportModeTests(service), IClassFixture<PostgreSqlTasksService>;
