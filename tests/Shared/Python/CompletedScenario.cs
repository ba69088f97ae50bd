namespace Khcn.Tests.Tls;

/// <summary>
/// The checks every Python scenario test starts with: the script exited cleanly, reported exactly the expected steps
/// in order, and each step's own checks passed. What the steps report is left to each test.
/// </summary>
public static class CompletedScenario
{
    /// <param name="scriptFileName">The script in the test project's Python folder.</param>
    /// <param name="serviceProto">The service's file under src/Protos.</param>
    /// <param name="service">The service's address (loopback).</param>
    /// <param name="providerName">The database provider the service runs on, for the failure message.</param>
    /// <param name="steps">The step names the script must report, in order.</param>
    public static async Task<ScenarioRun> RunAsync(
        string scriptFileName, string serviceProto, Uri service, string providerName, IReadOnlyList<string> steps)
    {
        var run = await PythonScenario.RunAsync(scriptFileName, serviceProto, service);

        Assert.True(run.ExitCode == 0, $"{scriptFileName} on {providerName}: {run.Output}");
        Assert.Equal(steps, run.Steps.Select(step => step.Name));
        Assert.All(run.Steps, step => Assert.True(step.Passed, $"{step.Name}: {step.Detail}"));
        return run;
    }
}
