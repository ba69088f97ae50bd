using System.Text.RegularExpressions;
using Khcn.AppHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

public partial class ShutdownTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^\[apphost\]\s+stopped\s*$")]
    internal static partial Regex Stopped();

    [Fact]
    public async Task Sigint_StopsEverything_AndLeavesNoChildProcess()
    {
        await using var appHost = AppHostProcess.Start(output, []);
        var summary = await appHost.WaitUntilReadyAsync();
        var descendants = appHost.Descendants();
        var resourcePids = summary.Rows.Where(r => r.Pid is not null).Select(r => r.Pid!.Value).ToList();
        Assert.Equal(4, resourcePids.Count); // cache and the three services
        Assert.All(resourcePids, pid => Assert.Contains(descendants, p => p.Pid == pid && p.ParentPid == appHost.Pid));
        var beforeSignal = appHost.LineCount;

        appHost.Signal(PosixSignals.Interrupt);

        Assert.Equal(0, await appHost.WaitForExitAsync(AppHostProcess.StopTimeout));
        await appHost.WaitForLineAsync(Stopped(), "[apphost] stopped", TimeSpan.FromSeconds(5), beforeSignal);
        await ProcessAssert.NoneAliveAsync(descendants, appHost);
    }

    [Fact]
    public async Task Sigkill_of_the_AppHost_still_leaves_no_child_process()
    {
        await using var appHost = AppHostProcess.Start(output, []);
        await appHost.WaitUntilReadyAsync();
        var descendants = appHost.Descendants();
        Assert.NotEmpty(descendants);

        appHost.Signal(PosixSignals.Kill);

        Assert.Equal(128 + PosixSignals.Kill, await appHost.WaitForExitAsync(AppHostProcess.StopTimeout));
        // No chance to stop anything: the orphan watchdog notices within a second, sends SIGTERM, and SIGKILL after 5 s.
        await ProcessAssert.NoneAliveAsync(descendants, appHost, TimeSpan.FromSeconds(30));
    }
}
