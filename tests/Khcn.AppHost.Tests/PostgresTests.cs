using Khcn.AppHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

public class PostgresTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostgresSwitch_RunsTheServicesOnPostgreSql_AndSigtermLeavesNothingBehind()
    {
        await using var appHost = AppHostProcess.Start(output, ["--postgres"]);
        var summary = await appHost.WaitUntilReadyAsync();

        foreach (var name in (string[])["postgres", "provincesdb", "tasksdb", "ipdb", "cache", .. StackCalls.Services])
        {
            Assert.True(summary[name].IsHealthy, appHost.Describe($"{name} is {summary[name].State}, not healthy (is PostgreSQL installed?)."));
        }

        foreach (var service in StackCalls.Services)
        {
            Assert.True(await StackCalls.CountFirstPageAsync(service, summary[service].Endpoint!) > 0, appHost.Describe($"{service} lists nothing: its seeds did not load."));
        }

        // A service given ConnectionStrings__<db> never opens the SQLite file its Database__<db>__Path names.
        foreach (var file in (string[])["provinces.db", "tasks.db", "ip.db"])
        {
            Assert.False(File.Exists(Path.Combine(appHost.WorkDirectory, file)), appHost.Describe($"{file} exists: a service ran on SQLite."));
        }

        var descendants = appHost.Descendants();
        Assert.Contains(descendants, p => p.Pid == summary["postgres"].Pid);
        var beforeSignal = appHost.LineCount;

        appHost.Signal(PosixSignals.Terminate);

        Assert.Equal(0, await appHost.WaitForExitAsync(AppHostProcess.StopTimeout));
        await appHost.WaitForLineAsync(ShutdownTests.Stopped(), "[apphost] stopped", TimeSpan.FromSeconds(5), beforeSignal);
        await ProcessAssert.NoneAliveAsync(descendants, appHost);
    }
}
