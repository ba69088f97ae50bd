using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Khcn.AppHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

public partial class RestartTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^\[apphost\]\s+tasks is healthy again \(pid (\d+)\)")]
    private static partial Regex TasksHealthyAgain();

    [Fact]
    public async Task RestartsAKilledService_AndItIsHealthyAgainAtTheSameAddress()
    {
        await using var appHost = AppHostProcess.Start(output, []);
        var tasks = (await appHost.WaitUntilReadyAsync())["tasks"];
        Assert.NotNull(tasks.Pid);
        var afterSummary = appHost.LineCount;

        Assert.True(PosixSignals.Send(tasks.Pid.Value, PosixSignals.Kill), $"tasks (pid {tasks.Pid}) could not be killed.");

        var (_, healthyAgain) = await appHost.WaitForLineAsync(TasksHealthyAgain(), "tasks is healthy again", AppHostProcess.ReadyTimeout, afterSummary);
        var newPid = int.Parse(healthyAgain.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.NotEqual(tasks.Pid.Value, newPid);
        Assert.Contains(appHost.Descendants(), p => p.Pid == newPid && p.ParentPid == appHost.Pid);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StackCalls.CheckHealthAsync(tasks.Endpoint!));
        Assert.True(await StackCalls.CountFirstPageAsync("tasks", tasks.Endpoint!) > 0, appHost.Describe("The restarted tasks lists nothing."));
    }
}
