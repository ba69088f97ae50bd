using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tests.Tls;

namespace Khcn.Tasks.Tests.Python;

/// <summary>
/// The real service, driven by grpc Python (C-core) through tasks_scenario.py: a client nobody here wrote creates a
/// task under the closed code 45, walks its lifecycle with a watch open, reads our google.rpc.Status details from the
/// trailer, and finds the task again through today's code 44.
/// </summary>
public abstract class PythonScenarioTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : TasksServiceFixture
{
    private static readonly string[] Steps =
    [
        "open_watch",
        "create_under_closed_code",
        "retry_with_same_request_id",
        "select",
        "stale_etag_is_aborted",
        "approve",
        "contract",
        "start",
        "illegal_transition_is_failed_precondition",
        "extend",
        "accept",
        "summarize_by_state",
        "list_through_todays_code",
        "watch_saw_every_change_in_order",
    ];

    [Fact]
    public async Task Python_grpc_client_completes_the_tasks_scenario()
    {
        var run = await CompletedScenario.RunAsync(
            "tasks_scenario.py", "khcn/tasks/v1/tasks_service.proto", service.Host.Address, service.ProviderName, Steps);

        // The script's own assertions passed; check the facts it reports too, so a lenient script cannot pass alone.
        var created = run.Detail("create_under_closed_code");
        var name = created.GetProperty("name").GetString();
        Assert.Equal("45", created.GetProperty("province_code").GetString());
        Assert.Equal(name, run.Detail("retry_with_same_request_id").GetProperty("name").GetString());
        Assert.Equal("ETAG_MISMATCH", run.Detail("stale_etag_is_aborted").GetProperty("reason").GetString());
        Assert.Equal("INVALID_STATE_TRANSITION", run.Detail("illegal_transition_is_failed_precondition").GetProperty("reason").GetString());
        Assert.Equal("ACCEPTED", run.Detail("accept").GetProperty("state").GetString());
        Assert.Equal("PASS", run.Detail("accept").GetProperty("rating").GetString());
        // The fixture's database is this class's alone and starts empty (no seeds): the one task is the whole count.
        Assert.Equal(1, run.Detail("summarize_by_state").GetProperty("counts").GetProperty("ACCEPTED").GetInt32());
        Assert.Equal(1, run.Detail("summarize_by_state").GetProperty("total").GetInt32());
        Assert.Contains(name, run.Detail("list_through_todays_code").GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        var changes = run.Detail("watch_saw_every_change_in_order").GetProperty("changes").EnumerateArray()
            .Select(change => $"{change[0].GetString()} {change[1].GetString()} {change[2].GetString()}")
            .ToList();
        Assert.Equal(
            [
                "ADDED CREATED PROPOSED",
                "MODIFIED SELECTED SELECTED",
                "MODIFIED APPROVED APPROVED",
                "MODIFIED CONTRACTED CONTRACTED",
                "MODIFIED STARTED IN_PROGRESS",
                "MODIFIED EXTENDED IN_PROGRESS",
                "MODIFIED ACCEPTED ACCEPTED",
            ],
            changes);
    }
}

public sealed class PythonScenarioOnSqlite(SqliteTasksService service) : PythonScenarioTests<SqliteTasksService>(service);

public sealed class PythonScenarioOnPostgreSql(PostgreSqlTasksService service) : PythonScenarioTests<PostgreSqlTasksService>(service);
