using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Tests.Tls;

/// <summary>
/// Runs one of a test project's Python scenarios (Python/*_scenario.py, built on tests/Shared/Python/khcn_scenario.py)
/// against a running service, with a descriptor set of the service's contract compiled for the run.
/// </summary>
public static class PythonScenario
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <param name="scriptFileName">The script in the test project's Python folder.</param>
    /// <param name="serviceProto">The service's file under src/Protos.</param>
    /// <param name="service">The service's address (loopback).</param>
    public static async Task<ScenarioRun> RunAsync(string scriptFileName, string serviceProto, Uri service)
    {
        var directory = Directory.CreateTempSubdirectory("khcn-python-scenario-");
        try
        {
            var descriptorSet = await ScenarioDescriptorSet.BuildAsync(serviceProto, Path.Combine(directory.FullName, "service.pb"));
            var result = await ChildProcess.RunAsync(
                ScenarioPaths.Python,
                [ScenarioPaths.Script(scriptFileName), "--address", $"127.0.0.1:{service.Port}", "--descriptor-set", descriptorSet],
                directory.FullName,
                Timeout);
            return new ScenarioRun(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

/// <summary>What a scenario printed: one JSON object per step on standard output.</summary>
public sealed record ScenarioRun(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<ScenarioStep> Steps { get; } = Parse(StandardOutput);

    /// <summary>The detail object the named step reported.</summary>
    public JsonElement Detail(string step) => Steps.Single(s => s.Name == step).Detail;

    /// <summary>Everything printed, for assertion messages.</summary>
    public string Output => $"exit code {ExitCode}\n{StandardError}\n{StandardOutput}";

    // Lines that are not step objects (an interpreter crash, an environment error) are left to Output.
    private static List<ScenarioStep> Parse(string output)
    {
        var steps = new List<ScenarioStep>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("step", out var name))
                {
                    steps.Add(new ScenarioStep(name.GetString()!, root.GetProperty("passed").GetBoolean(), root.GetProperty("detail").Clone()));
                }
            }
            catch (JsonException)
            {
                // Not a step: shown through Output when the run fails.
            }
        }

        return steps;
    }
}

/// <param name="Name">The step's name as the script reports it.</param>
/// <param name="Passed">Whether the script's own checks of the step passed.</param>
/// <param name="Detail">What the step reports, for the test's own checks.</param>
public sealed record ScenarioStep(string Name, bool Passed, JsonElement Detail);
