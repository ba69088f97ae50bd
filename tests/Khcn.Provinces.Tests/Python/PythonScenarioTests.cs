using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;
using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Provinces.Tests.Overview;

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
        var run = await RunScenarioAsync();

        Assert.True(run.ExitCode == 0, $"provinces_scenario.py exited {run.ExitCode} on {service.ProviderName}:\n{run.StandardError}\n{run.StandardOutput}");
        var reported = ParseSteps(run.StandardOutput);
        Assert.Equal(Steps, reported.Select(step => step.Name));
        Assert.All(reported, step => Assert.True(step.Passed, $"{step.Name}: {step.Detail}"));

        // The script's own assertions passed; check the facts it reports too, so a lenient script cannot pass alone.
        var resolved = Detail(reported, "resolve_closed_code");
        Assert.Equal("provinces/44", resolved.GetProperty("current").GetString());
        var lineage = resolved.GetProperty("lineage").EnumerateArray().Select(code => code.GetString()).ToList();
        Assert.Contains("provinces/45", lineage);
        Assert.Contains("provinces/44", lineage);
        Assert.Equal("ETAG_MISMATCH", Detail(reported, "stale_etag_is_aborted").GetProperty("reason").GetString());
        Assert.Equal("ANSWERED", Detail(reported, "answer").GetProperty("state").GetString());
        Assert.Equal(4, Detail(reported, "answer").GetProperty("history").GetArrayLength());
        Assert.Equal(
            Detail(reported, "create_recommendation").GetProperty("name").GetString(),
            Detail(reported, "retry_with_same_request_id").GetProperty("name").GetString());
        Assert.NotEqual(0, Detail(reported, "bad_request_is_invalid_argument").GetProperty("fields").GetArrayLength());
        Assert.Equal("UNAVAILABLE", Detail(reported, "overview_with_tasks_down").GetProperty("missing_parts").GetProperty("task_counts").GetString());
    }

    private async Task<ChildProcess.Result> RunScenarioAsync()
    {
        var directory = Directory.CreateTempSubdirectory("khcn-provinces-python-");
        try
        {
            var descriptorSet = await ScenarioDescriptorSet.BuildAsync(Path.Combine(directory.FullName, "provinces.pb"));
            return await ChildProcess.RunAsync(
                ScenarioPaths.Python,
                [ScenarioPaths.Script, "--address", $"127.0.0.1:{service.Host.Address.Port}", "--descriptor-set", descriptorSet],
                directory.FullName,
                TimeSpan.FromMinutes(3));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static List<ReportedStep> ParseSteps(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(step => new ReportedStep(
                step.GetProperty("step").GetString()!,
                step.GetProperty("passed").GetBoolean(),
                step.GetProperty("detail").Clone()))
            .ToList();

    private static JsonElement Detail(IEnumerable<ReportedStep> steps, string name) => steps.Single(step => step.Name == name).Detail;

    private sealed record ReportedStep(string Name, bool Passed, JsonElement Detail);
}

public sealed class PythonScenarioOnSqlite(UnreachableDependenciesOnSqlite service)
    : PythonScenarioTests<UnreachableDependenciesOnSqlite>(service);

public sealed class PythonScenarioOnPostgreSql(UnreachableDependenciesOnPostgreSql service)
    : PythonScenarioTests<UnreachableDependenciesOnPostgreSql>(service);
