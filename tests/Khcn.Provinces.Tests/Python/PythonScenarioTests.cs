using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.Tests.Overview;
using Khcn.Tests.Tls;

namespace Khcn.Provinces.Tests.Python;

/// <summary>
/// The real service, driven by grpc Python (C-core) through provinces_scenario.py: a client nobody here wrote reads
/// our contract from a descriptor set, our google.rpc.Status details from the trailer, and walks a recommendation's
/// lifecycle. Tasks and IntellectualProperty are configured at addresses where nothing listens.
/// </summary>
public abstract class PythonScenarioTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : ProvincesServiceFixture
{
    private static readonly string[] Steps =
    [
        "resolve_closed_code",
        "find_post_holders",
        "list_officials_filtered",
        "create_recommendation",
        "retry_with_same_request_id",
        "assign",
        "stale_etag_is_aborted",
        "start",
        "answer",
        "bad_request_is_invalid_argument",
        "overview_with_tasks_down",
    ];

    [Fact]
    public async Task Python_grpc_client_completes_the_provinces_scenario()
    {
        var run = await CompletedScenario.RunAsync(
            "provinces_scenario.py", "khcn/provinces/v1/provinces_service.proto", service.Host.Address, service.ProviderName, Steps);

        // The script's own assertions passed; check the facts it reports too, so a lenient script cannot pass alone.
        var resolved = run.Detail("resolve_closed_code");
        Assert.Equal("provinces/44", resolved.GetProperty("current").GetString());
        var lineage = resolved.GetProperty("lineage").EnumerateArray().Select(code => code.GetString()).ToList();
        Assert.Contains("provinces/45", lineage);
        Assert.Contains("provinces/44", lineage);
        Assert.Equal("ETAG_MISMATCH", run.Detail("stale_etag_is_aborted").GetProperty("reason").GetString());
        Assert.Equal("ANSWERED", run.Detail("answer").GetProperty("state").GetString());
        Assert.Equal(4, run.Detail("answer").GetProperty("history").GetArrayLength());
        Assert.Equal(
            run.Detail("create_recommendation").GetProperty("name").GetString(),
            run.Detail("retry_with_same_request_id").GetProperty("name").GetString());
        Assert.NotEqual(0, run.Detail("bad_request_is_invalid_argument").GetProperty("fields").GetArrayLength());
        Assert.Equal("UNAVAILABLE", run.Detail("overview_with_tasks_down").GetProperty("missing_parts").GetProperty("task_counts").GetString());
    }
}

public sealed class PythonScenarioOnSqlite(UnreachableDependenciesOnSqlite service)
    : PythonScenarioTests<UnreachableDependenciesOnSqlite>(service);

public sealed class PythonScenarioOnPostgreSql(UnreachableDependenciesOnPostgreSql service)
    : PythonScenarioTests<UnreachableDependenciesOnPostgreSql>(service);
