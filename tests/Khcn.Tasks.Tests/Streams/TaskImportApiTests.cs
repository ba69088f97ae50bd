using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using Khcn.Tasks.Application.Streams;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Streams.StreamCalls;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using Outcome = Khcn.Tasks.V1.ImportTaskResult.Types.Outcome;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>ImportTasks over the real service: per-record answers, idempotency per request_id, batches and limits.</summary>
public abstract class TaskImportApiTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Bad_records_are_rejected_with_their_errors_while_the_good_ones_are_created()
    {
        var marker = Marker();
        var untitled = Numbered(marker, 3);
        untitled.Title = "";
        var secondWithSameCode = Numbered(marker, 5, "Nhiệm vụ trùng mã");
        secondWithSameCode.Code = Numbered(marker, 4).Code;
        ImportTasksRequest[] records =
        [
            Record(Numbered(marker, 1)),
            Record(Numbered(marker, 2), requestId: "not-a-uuid"),
            Record(untitled),
            Record(Numbered(marker, 4)),
            Record(secondWithSameCode),
            Record(Numbered(marker, 6), requestId: ""),
            Record(Numbered(marker, 7)),
        ];

        var response = await ImportAsync(Client, records);

        Assert.Equal(
            [Outcome.Created, Outcome.Rejected, Outcome.Rejected, Outcome.Created, Outcome.Rejected, Outcome.Rejected, Outcome.Created],
            response.Results.Select(r => r.Outcome));
        Assert.Equal(Enumerable.Range(0, records.Length), response.Results.Select(r => r.Index));
        Assert.Equal(records.Select(r => r.RequestId), response.Results.Select(r => r.RequestId));
        Assert.Equal((3, 0, 4), (response.CreatedCount, response.AlreadyImportedCount, response.FailedCount));

        Assert.Equal(["request_id"], RpcErrorAssert.ViolatedFields(response.Results[1].Error));
        Assert.Equal(["task.title"], RpcErrorAssert.ViolatedFields(response.Results[2].Error));
        Assert.Equal((int)StatusCode.AlreadyExists, response.Results[4].Error.Code);
        Assert.Equal(TaskErrors.DuplicateCodeReason, RpcErrorAssert.Reason(response.Results[4].Error));
        Assert.Equal(response.Results[3].Task, response.Results[4].Error.GetDetail<ResourceInfo>()!.ResourceName);
        Assert.Equal(["request_id"], RpcErrorAssert.ViolatedFields(response.Results[5].Error));
        Assert.All(response.Results.Where(r => r.Outcome == Outcome.Rejected), r => Assert.Empty(r.Task));

        var created = response.Results.Where(r => r.Outcome == Outcome.Created).Select(r => r.Task).ToList();
        var stored = await ListAllAsync(Client, $"title:\"{marker}\"", "name");
        Assert.Equal(created.Order(StringComparer.Ordinal), stored.Select(t => t.Name));
        var titles = new List<string>();
        foreach (var name in created)
        {
            titles.Add((await Client.GetTaskAsync(new GetTaskRequest { Name = name })).Title);
        }

        Assert.Equal([records[0].Task.Title, records[3].Task.Title, records[6].Task.Title], titles);
    }

    [Fact]
    public async Task A_rejected_record_carries_the_status_create_task_fails_with()
    {
        var invalid = Marked(Marker());
        invalid.Title = "";
        invalid.Kind = TaskKind.Unspecified;
        invalid.Budget = new Budget { StateBudgetVnd = -1 };
        invalid.ProvinceCode = "99";

        var response = await ImportAsync(Client, [Record(invalid)]);
        var createStatus = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument, () => Client.CreateTaskAsync(new CreateTaskRequest { Task = invalid }));

        var result = Assert.Single(response.Results);
        Assert.Equal(Outcome.Rejected, result.Outcome);
        Assert.Equal(createStatus, result.Error);
    }

    [Fact]
    public async Task Importing_the_same_records_again_answers_already_imported_and_creates_nothing_new()
    {
        var marker = Marker();
        var records = Enumerable.Range(1, 5).Select(i => Record(Numbered(marker, i))).ToList();

        var first = await ImportAsync(Client, records);
        var again = await ImportAsync(Client, records);

        Assert.All(first.Results, r => Assert.Equal(Outcome.Created, r.Outcome));
        Assert.All(again.Results, r => Assert.Equal(Outcome.AlreadyImported, r.Outcome));
        Assert.Equal(first.Results.Select(r => r.Task), again.Results.Select(r => r.Task));
        Assert.Equal((0, 5, 0), (again.CreatedCount, again.AlreadyImportedCount, again.FailedCount));
        Assert.Equal(5, (await ListAllAsync(Client, $"title:\"{marker}\"")).Count);
    }

    [Fact]
    public async Task A_request_id_repeated_in_one_stream_is_imported_once()
    {
        var marker = Marker();
        var requestId = Guid.NewGuid().ToString();

        var response = await ImportAsync(
            Client,
            [Record(Marked(marker, "Bản đầu"), requestId), Record(Marked(marker, "Bản sau"), requestId)]);

        Assert.Equal([Outcome.Created, Outcome.AlreadyImported], response.Results.Select(r => r.Outcome));
        Assert.Equal(response.Results[0].Task, response.Results[1].Task);
        var stored = Assert.Single(await ListAllAsync(Client, $"title:\"{marker}\""));
        Assert.StartsWith("Bản đầu", stored.Title);
    }

    [Fact]
    public async Task A_record_rejected_earlier_in_the_stream_does_not_block_a_later_one_with_its_request_id()
    {
        var marker = Marker();
        var requestId = Guid.NewGuid().ToString();
        var invalid = Marked(marker);
        invalid.Title = "";

        var response = await ImportAsync(Client, [Record(invalid, requestId), Record(Marked(marker, "Bản sửa"), requestId)]);

        Assert.Equal([Outcome.Rejected, Outcome.Created], response.Results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Historical_records_keep_their_state_and_rating_and_record_one_created_event()
    {
        var marker = Marker();
        var accepted = Numbered(marker, 1, "Đã nghiệm thu");
        accepted.State = State.Accepted;
        accepted.AcceptanceRating = AcceptanceRating.Excellent;
        var failed = Numbered(marker, 2, "Không đạt");
        failed.State = State.Failed;
        failed.AcceptanceRating = AcceptanceRating.Fail;
        var inconsistent = Numbered(marker, 3, "Thiếu xếp loại");
        inconsistent.State = State.Accepted;

        var response = await ImportAsync(Client, [Record(accepted), Record(failed), Record(inconsistent)]);

        Assert.Equal([Outcome.Created, Outcome.Created, Outcome.Rejected], response.Results.Select(r => r.Outcome));
        Assert.Equal((int)StatusCode.InvalidArgument, response.Results[2].Error.Code);
        var acceptedTask = await Client.GetTaskAsync(new GetTaskRequest { Name = response.Results[0].Task });
        Assert.Equal((State.Accepted, AcceptanceRating.Excellent), (acceptedTask.State, acceptedTask.AcceptanceRating));
        var failedTask = await Client.GetTaskAsync(new GetTaskRequest { Name = response.Results[1].Task });
        Assert.Equal((State.Failed, AcceptanceRating.Fail), (failedTask.State, failedTask.AcceptanceRating));

        var events = await Client.ListTaskEventsAsync(new ListTaskEventsRequest { Parent = acceptedTask.Name });
        var created = Assert.Single(events.TaskEvents);
        Assert.Equal((EventType.Created, State.Accepted), (created.Type, created.NewState));
        Assert.Equal(acceptedTask, created.TaskSnapshot);
    }

    [Fact]
    public async Task Records_spread_over_several_batches_are_answered_in_stream_order()
    {
        var marker = Marker();
        const int count = (2 * TaskImportService.BatchSize) + 234;
        var records = Enumerable.Range(0, count).Select(i => Record(Numbered(marker, i))).ToList();
        const int invalidAt = TaskImportService.BatchSize + 200;
        records[invalidAt].Task.Title = "";
        // Same code as a record of the first batch, already saved when this one comes.
        const int duplicateAt = (2 * TaskImportService.BatchSize) + 100;
        records[duplicateAt].Task.Code = records[50].Task.Code;

        var response = await ImportAsync(Client, records);

        Assert.Equal(Enumerable.Range(0, count), response.Results.Select(r => r.Index));
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => i is invalidAt or duplicateAt ? Outcome.Rejected : Outcome.Created),
            response.Results.Select(r => r.Outcome));
        Assert.Equal(TaskErrors.DuplicateCodeReason, RpcErrorAssert.Reason(response.Results[duplicateAt].Error));
        Assert.Equal((count - 2, 2), (response.CreatedCount, response.FailedCount));
        Assert.Equal(count - 2, (await ListAllAsync(Client, $"title:\"{marker}\"")).Count);
    }

    [Fact]
    public async Task Concurrent_imports_of_the_same_records_create_each_task_once()
    {
        var marker = Marker();
        var records = Enumerable.Range(0, 300).Select(i => Record(Numbered(marker, i))).ToList();
        var other = service.NewClient();

        var answers = await Task.WhenAll(ImportAsync(Client, records), ImportAsync(other, records));

        for (var i = 0; i < records.Count; i++)
        {
            var outcomes = answers.Select(a => a.Results[i].Outcome).Order().ToList();
            Assert.Equal([Outcome.Created, Outcome.AlreadyImported], outcomes);
            Assert.Equal(answers[0].Results[i].Task, answers[1].Results[i].Task);
        }

        Assert.Equal(records.Count, (await ListAllAsync(Client, $"title:\"{marker}\"")).Count);
    }

    [Fact]
    public async Task A_stream_longer_than_the_limit_fails_and_keeps_what_it_saved_before()
    {
        var marker = Marker();
        var requestId = Guid.NewGuid().ToString();
        var saved = Record(Numbered(marker, 1, "Được lưu"), requestId);
        // Repeats answer ALREADY_IMPORTED without touching the database: a cheap way to reach the limit.
        var records = Enumerable.Repeat(saved, TaskImportService.MaxRecords)
            .Append(Record(Numbered(marker, 2, "Vượt giới hạn")));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => ImportAsync(Client, records));

        Assert.Equal("TOO_MANY_RECORDS", RpcErrorAssert.Reason(status));
        var stored = Assert.Single(await ListAllAsync(Client, $"title:\"{marker}\""));
        Assert.StartsWith("Được lưu", stored.Title);
        var rerun = await ImportAsync(Client, [saved]);
        Assert.Equal((Outcome.AlreadyImported, stored.Name), (rerun.Results[0].Outcome, rerun.Results[0].Task));
    }

    [Fact]
    public async Task An_answer_too_large_for_one_message_fails_the_call()
    {
        // Every record rejected, each answer carrying its error: together more than a client accepts in one message.
        var records = Enumerable.Range(0, TaskImportService.MaxRecords)
            .Select(i => Record(new Khcn.Tasks.V1.Task(), requestId: $"not-a-uuid-{i:D6}-padding-padding-padding-padding"));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => ImportAsync(Client, records));

        Assert.Equal("IMPORT_ANSWER_TOO_LARGE", RpcErrorAssert.Reason(status));
    }

    [Fact]
    public async Task An_empty_stream_answers_no_results()
    {
        var response = await ImportAsync(Client, []);

        Assert.Equal(new ImportTasksResponse(), response);
    }
}

public sealed class TaskImportApiTestsOnSqlite(SqliteTasksService service) : TaskImportApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskImportApiTestsOnPostgreSql(PostgreSqlTasksService service) : TaskImportApiTests(service), IClassFixture<PostgreSqlTasksService>;
