using Grpc.Core;
using Khcn.Tasks.Application.Streams;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;
using static Khcn.Tasks.Tests.Streams.StreamCalls;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>ExportTasks over the real service: the same tasks as ListTasks, in order, whatever the reader's pace.</summary>
public abstract class TaskExportApiTests(TasksServiceFixture service)
{
    private TasksService.TasksServiceClient Client => service.Client;

    [Fact]
    public async Task Export_streams_the_tasks_list_finds_for_the_same_filter_in_name_order_by_default()
    {
        var marker = await LoadAsync(40, i => i % 3 == 0 ? TaskLevel.National : TaskLevel.Provincial);
        var filter = $"title:\"{marker}\" AND level = PROVINCIAL";

        var exported = await ExportAsync(Client, new ExportTasksRequest { Filter = filter });

        var listed = await ListAllAsync(Client, filter, "name", pageSize: 7);
        Assert.NotEmpty(exported);
        Assert.Equal(listed, exported);
        Assert.Equal(exported.Select(t => t.Name).Order(StringComparer.Ordinal), exported.Select(t => t.Name));
        Assert.All(exported, t => Assert.Equal(TaskLevel.Provincial, t.Level));
    }

    [Theory]
    [InlineData("budget.total_vnd desc")]
    [InlineData("start_date, code desc")]
    [InlineData("code")]
    public async Task Export_follows_order_by_as_list_does(string orderBy)
    {
        var marker = await LoadAsync(25, _ => TaskLevel.Provincial);
        var filter = $"title:\"{marker}\"";

        var exported = await ExportAsync(Client, new ExportTasksRequest { Filter = filter, OrderBy = orderBy });

        Assert.Equal(25, exported.Count);
        Assert.Equal(await ListAllAsync(Client, filter, orderBy), exported);
    }

    [Fact]
    public async Task A_slow_reader_still_receives_every_task_exactly_once()
    {
        // Several chunks, and more bytes than the HTTP/2 windows hold: the server must wait for the reader.
        const int count = (5 * TaskExportService.ChunkSize) + 77;
        var marker = await LoadAsync(count, _ => TaskLevel.Provincial);

        var exported = await ExportAsync(
            Client,
            new ExportTasksRequest { Filter = $"title:\"{marker}\"" },
            async read =>
            {
                if (read % 1000 == 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(400));
                }
            });

        Assert.Equal(count, exported.Count);
        Assert.Equal(count, exported.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public async Task A_filter_matching_nothing_ends_the_stream_at_once()
    {
        var exported = await ExportAsync(Client, new ExportTasksRequest { Filter = $"title:\"{Marker()}\"" });

        Assert.Empty(exported);
    }

    [Theory]
    [InlineData("budget > 5", "", "filter")]
    [InlineData("", "title", "order_by")]
    public async Task An_invalid_request_fails_before_any_task_is_sent(string filter, string orderBy, string field)
    {
        var status = await RpcErrorAssert.FailsWith(
            StatusCode.InvalidArgument,
            () => ExportAsync(Client, new ExportTasksRequest { Filter = filter, OrderBy = orderBy }));

        Assert.Equal([field], RpcErrorAssert.ViolatedFields(status));
    }

    /// <summary>Imports <paramref name="count"/> numbered tasks with varied budgets and dates under a new marker.</summary>
    private async Task<string> LoadAsync(int count, Func<int, TaskLevel> level)
    {
        var marker = Marker();
        var records = Enumerable.Range(0, count).Select(i =>
        {
            var task = Numbered(marker, i);
            task.Level = level(i);
            // Few distinct values, so orderings have ties that the tie-breaker must settle.
            task.Budget = new Budget { StateBudgetVnd = 100_000_000L * (i % 7), OtherSourcesVnd = 1_000_000L * (i % 3) };
            task.StartDate = Day(2018 + (i % 5), 1 + (i % 12), 1);
            task.EndDate = Day(2024, 12, 31);
            return Record(task);
        });
        var response = await ImportAsync(Client, records);
        Assert.Equal(count, response.CreatedCount);
        return marker;
    }
}

public sealed class TaskExportApiTestsOnSqlite(SqliteTasksService service) : TaskExportApiTests(service), IClassFixture<SqliteTasksService>;

public sealed class TaskExportApiTestsOnPostgreSql(PostgreSqlTasksService service) : TaskExportApiTests(service), IClassFixture<PostgreSqlTasksService>;
