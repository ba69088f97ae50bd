using System.Globalization;
using Aspire.Hosting;

namespace Khcn.Hosting.Tests.Orchestration;

/// <summary>The orchestrator's rules, with real processes (sh, redis-server, redis-cli) as resources.</summary>
public sealed class OrchestratorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // Parses ConnectionStrings__cache ("127.0.0.1:port,password=…") and asks the server: PONG only if it already runs.
    private const string PingCacheThenSleep =
        "c=$ConnectionStrings__cache; hp=${c%%,*}; pw=${c#*password=}; " +
        "redis-cli -h ${hp%:*} -p ${hp#*:} -a $pw --no-auth-warning ping; exec sleep 600";

    private const string SayStoppingOnTerm = "trap 'echo stopping; exit 0' TERM; echo running; while :; do sleep 0.1; done";

    [Fact]
    public async Task A_resource_starts_only_after_what_it_waits_for_is_healthy()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        builder.AddExecutable("app", "sh", Path.GetTempPath(), "-c", PingCacheThenSleep).WithReference(cache).WaitFor(cache);
        await using var run = OrchestratorRun.Start(builder);

        await run.Console.WaitForAsync(@"all 2 resources healthy", Patience);

        await run.Console.WaitForAsync(@"^\[app\]\s+PONG$", Patience);
        Assert.Equal(0, await run.StopAsync());
    }

    [Fact]
    public async Task Summary_lists_every_resource_with_its_state_endpoint_and_pid()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        builder.AddExecutable("app", "sh", Path.GetTempPath(), "-c", "exec sleep 600").WaitFor(cache);
        await using var run = OrchestratorRun.Start(builder);

        await run.Console.WaitForAsync(@"all 2 resources healthy in [0-9.]+ s", Patience);

        var cacheRow = await run.Console.WaitForAsync(@"^\[apphost\]\s+cache\s+healthy\s+tcp://127\.0\.0\.1:(\d+)\s+(\d+)$", Patience);
        Assert.Equal(cache.Resource.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture), cacheRow.Groups[1].Value);
        Assert.True(Directory.Exists($"/proc/{cacheRow.Groups[2].Value}"), "the pid shown is a live process");
        await run.Console.WaitForAsync(@"^\[apphost\]\s+app\s+healthy\s+-\s+\d+$", Patience);
        await run.Console.WaitForAsync(@"^\[apphost\]\s+logs: ", Patience);
        Assert.Equal(0, await run.StopAsync());
    }

    [Fact]
    public async Task A_crashed_resource_is_restarted_after_the_backoff_and_reported_healthy_again()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddExecutable("app", "sh", Path.GetTempPath(), "-c", "exec sleep 600");
        await using var run = OrchestratorRun.Start(builder);
        var row = await run.Console.WaitForAsync(@"^\[apphost\]\s+app\s+healthy\s+-\s+(\d+)$", Patience);
        var pid = int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);

        System.Diagnostics.Process.GetProcessById(pid).Kill();

        await run.Console.WaitForAsync(@"^\[apphost\]\s+app exited with code \d+; restarting in 1 s \(restart 1\)$", Patience);
        var again = await run.Console.WaitForAsync(@"^\[apphost\]\s+app is healthy again \(pid (\d+)\)$", Patience);
        Assert.NotEqual(pid, int.Parse(again.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(0, await run.StopAsync());
    }

    [Fact]
    public async Task Stop_ends_dependents_before_what_they_wait_for()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var server = builder.AddExecutable("server", "sh", Path.GetTempPath(), "-c", SayStoppingOnTerm);
        builder.AddExecutable("client", "sh", Path.GetTempPath(), "-c", SayStoppingOnTerm).WaitFor(server);
        await using var run = OrchestratorRun.Start(builder);
        await run.Console.WaitForAsync("all 2 resources healthy", Patience);
        await run.Console.WaitForAsync(@"^\[client\]\s+running$", Patience);

        Assert.Equal(0, await run.StopAsync());

        var lines = run.Console.Lines.ToList();
        var clientStopped = lines.FindIndex(l => l.StartsWith("[client]", StringComparison.Ordinal) && l.EndsWith("stopping", StringComparison.Ordinal));
        var serverStopped = lines.FindIndex(l => l.StartsWith("[server]", StringComparison.Ordinal) && l.EndsWith("stopping", StringComparison.Ordinal));
        Assert.InRange(clientStopped, 0, int.MaxValue);
        Assert.True(clientStopped < serverStopped, string.Join('\n', lines));
        Assert.Matches(@"^\[apphost\]\s+stopped$", lines[^1]);
    }

    [Fact]
    public async Task A_resource_that_cannot_be_started_ends_the_run_with_exit_code_1_and_stops_the_others()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        builder.AddExecutable("broken", "/nonexistent/khcn-program", Path.GetTempPath()).WaitFor(cache);
        await using var run = OrchestratorRun.Start(builder);

        Assert.Equal(1, await run.Completion.WaitAsync(Patience));

        Assert.Contains(run.Console.Lines, l => l.Contains("error:", StringComparison.Ordinal) && l.Contains("khcn-program", StringComparison.Ordinal));
        Assert.Contains(run.Console.Lines, l => l.StartsWith("[cache]", StringComparison.Ordinal) && l.Contains("Received SIGTERM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_resource_log_is_also_written_to_a_file_in_the_run_directory()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddExecutable("app", "sh", Path.GetTempPath(), "-c", "echo 'Lạng Sơn'; exec sleep 600");
        await using var run = OrchestratorRun.Start(builder);
        var logs = await run.Console.WaitForAsync(@"^\[apphost\]\s+logs: (.+)$", Patience);
        await run.Console.WaitForAsync(@"^\[app\]\s+Lạng Sơn$", Patience);

        Assert.Equal(0, await run.StopAsync());

        var file = Path.Combine(logs.Groups[1].Value, "app.log");
        Assert.Contains(File.ReadAllLines(file), l => l.EndsWith("Lạng Sơn", StringComparison.Ordinal));
        Assert.StartsWith(run.RunsRoot, file, StringComparison.Ordinal);
    }
}
