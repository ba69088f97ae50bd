using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.Application.Streams;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Streams.StreamCalls;
using ChangeType = Khcn.Tasks.V1.WatchTasksResponse.Types.ChangeType;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>WatchTasks over the real service: changes in commit order, resumption from a token, the filter.</summary>
public abstract class TaskWatchApiTests(TasksServiceFixture service)
{
    private const string Actor = "Sở Khoa học và Công nghệ";

    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Changes_made_after_subscribing_arrive_in_order_with_their_change_types()
    {
        var marker = Marker();
        var before = await CreateAsync(Client, Numbered(marker, 0));
        await using var watch = await WatchSession.StartAsync(service.NewClient(), new WatchTasksRequest { Filter = $"title:\"{marker}\"" });

        var first = await CreateAsync(Client, Numbered(marker, 1));
        var updated = await Client.UpdateTaskAsync(new UpdateTaskRequest
        {
            Task = new Khcn.Tasks.V1.Task { Name = first.Name, Subject = "giống khoai sọ bản địa" },
            UpdateMask = new FieldMask { Paths = { "subject" } },
        });
        var selected = await Client.SelectTaskAsync(new SelectTaskRequest { Name = first.Name, Actor = Actor });
        var second = await CreateAsync(Client, Numbered(marker, 2));
        await Client.DeleteTaskAsync(new DeleteTaskRequest { Name = second.Name });

        var changes = await watch.NextAsync(5);

        Assert.Equal(
            [
                (ChangeType.Added, EventType.Created, first.Name),
                (ChangeType.Modified, EventType.Updated, first.Name),
                (ChangeType.Modified, EventType.Selected, first.Name),
                (ChangeType.Added, EventType.Created, second.Name),
                (ChangeType.Removed, EventType.Deleted, second.Name),
            ],
            changes.Select(c => (c.ChangeType, c.Event.Type, c.Task.Name)));
        Assert.DoesNotContain(changes, c => c.Task.Name == before.Name);
        Assert.Equal([first, updated, selected, second], changes.Take(4).Select(c => c.Task));
        Assert.Equal(new Khcn.Tasks.V1.Task { Name = second.Name }, changes[4].Task);
        Assert.Equal(second.Name, changes[4].Event.TaskSnapshot.Name);
        Assert.Equal((State.Proposed, State.Selected), (changes[2].Event.PreviousState, changes[2].Event.NewState));
        Assert.All(changes, c => Assert.StartsWith(c.Task.Name + "/events/", c.Event.Name));
        var sequences = changes.Select(c => long.Parse(c.Event.Name.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task Resuming_from_a_token_sends_exactly_the_changes_after_it()
    {
        var marker = Marker();
        var filter = new WatchTasksRequest { Filter = $"title:\"{marker}\"" };
        string resumeToken;
        var names = new List<string>();
        await using (var watch = await WatchSession.StartAsync(service.NewClient(), filter))
        {
            for (var i = 1; i <= 3; i++)
            {
                names.Add((await CreateAsync(Client, Numbered(marker, i))).Name);
            }

            var changes = await watch.NextAsync(3);
            Assert.Equal(names, changes.Select(c => c.Task.Name));
            resumeToken = changes[0].ResumeToken;
        }

        var later = await CreateAsync(Client, Numbered(marker, 4));
        await using var resumed = await WatchSession.StartAsync(
            service.NewClient(), new WatchTasksRequest { Filter = filter.Filter, ResumeToken = resumeToken });

        Assert.Equal([names[1], names[2], later.Name], (await resumed.NextAsync(3)).Select(c => c.Task.Name));

        // Nothing else was pending: the next change is the next one made.
        var last = await CreateAsync(Client, Numbered(marker, 5));
        Assert.Equal(last.Name, (await resumed.NextAsync()).Task.Name);
    }

    [Fact]
    public async Task The_filter_is_applied_to_each_change_with_the_province_lineage()
    {
        var marker = Marker();
        await using var watch = await WatchSession.StartAsync(
            service.NewClient(), new WatchTasksRequest { Filter = $"title:\"{marker}\" AND province_code = \"44\"" });

        var elsewhere = Numbered(marker, 1);
        elsewhere.ProvinceCode = "12";
        await CreateAsync(Client, elsewhere);
        var closedCode = Numbered(marker, 2);
        closedCode.ProvinceCode = "45";
        var underClosedCode = await CreateAsync(Client, closedCode);
        var currentCode = Numbered(marker, 3);
        currentCode.ProvinceCode = "44";
        var underCurrentCode = await CreateAsync(Client, currentCode);
        await CreateAsync(Client, Numbered(Marker(), 4));
        var selected = await Client.SelectTaskAsync(new SelectTaskRequest { Name = underClosedCode.Name, Actor = Actor });

        var changes = await watch.NextAsync(3);

        Assert.Equal(
            [(underClosedCode.Name, EventType.Created), (underCurrentCode.Name, EventType.Created), (selected.Name, EventType.Selected)],
            changes.Select(c => (c.Task.Name, c.Event.Type)));
    }

    [Fact]
    public async Task A_filter_on_state_sees_a_task_when_a_change_brings_it_into_the_state()
    {
        var marker = Marker();
        await using var watch = await WatchSession.StartAsync(
            service.NewClient(), new WatchTasksRequest { Filter = $"title:\"{marker}\" AND state = SELECTED" });

        var task = await CreateAsync(Client, Numbered(marker, 1));
        await Client.SelectTaskAsync(new SelectTaskRequest { Name = task.Name, Actor = Actor });

        var change = await watch.NextAsync();
        Assert.Equal((ChangeType.Modified, State.Selected), (change.ChangeType, change.Task.State));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AQAAAAAAAAAB")]
    public async Task A_malformed_resume_token_is_rejected(string resumeToken)
    {
        var status = await FirstReadFailsWith(StatusCode.InvalidArgument, new WatchTasksRequest { ResumeToken = resumeToken });

        Assert.Equal(["resume_token"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task An_edited_resume_token_is_rejected()
    {
        var token = WatchResumeTokens.Encode(1).ToCharArray();
        token[3] = token[3] == 'A' ? 'B' : 'A';

        var status = await FirstReadFailsWith(StatusCode.InvalidArgument, new WatchTasksRequest { ResumeToken = new string(token) });

        Assert.Equal(["resume_token"], RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_token_beyond_the_end_of_the_feed_answers_out_of_range()
    {
        // A well-formed token this database never issued, e.g. one from another deployment.
        var status = await FirstReadFailsWith(
            StatusCode.OutOfRange, new WatchTasksRequest { ResumeToken = WatchResumeTokens.Encode(long.MaxValue / 2) });

        Assert.Equal("RESUME_TOKEN_EXPIRED", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task An_invalid_filter_is_rejected()
    {
        var status = await FirstReadFailsWith(StatusCode.InvalidArgument, new WatchTasksRequest { Filter = "budget > 5" });

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(status));
    }

    private async Task<Google.Rpc.Status> FirstReadFailsWith(StatusCode code, WatchTasksRequest request)
    {
        using var call = Client.WatchTasks(request);
        return await RpcErrorAssert.FailsWith(code, () => call.ResponseStream.MoveNext(CancellationToken.None));
    }
}

public sealed class TaskWatchApiTestsOnSqlite(SqliteTasksService service) : TaskWatchApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskWatchApiTestsOnPostgreSql(PostgreSqlTasksService service) : TaskWatchApiTests(service), IClassFixture<PostgreSqlTasksService>;
