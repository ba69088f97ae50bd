using System.Diagnostics;
using Khcn.Hosting.Processes;
using Khcn.Hosting.Tests.Resources;

namespace Khcn.Hosting.Tests.Processes;

public sealed class ManagedProcessTests
{
    private static readonly TimeSpan GenerousGrace = TimeSpan.FromSeconds(30);

    // Stays alive (the loop keeps the shell from exec'ing into its last command) until it is signalled.
    private const string WaitForever = "while :; do sleep 0.1; done";

    [Fact]
    public async Task TheProcessIdIsTheProgramItself_NotTheSetsidWrapper()
    {
        await using var logs = new ChildLog();
        var script = $"trap 'exit 0' TERM; echo ready; {WaitForever}";
        await using var process = ManagedProcess.Start(Shell(script), logs.Log);
        await logs.WaitForLineAsync("ready");

        Assert.Equal(["/bin/sh", "-c", script], ProcFile.CommandLine(process.Id));
    }

    [Fact]
    public async Task TheProgramRunsInASessionOfItsOwn()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell($"echo ready; {WaitForever}"), logs.Log);
        await logs.WaitForLineAsync("ready");

        Assert.Equal(process.Id, ProcFile.SessionId(process.Id));
        Assert.NotEqual(ProcFile.SessionId(Environment.ProcessId), ProcFile.SessionId(process.Id));
    }

    [Fact]
    public async Task StdoutAndStderrLinesReachTheLogInOrderPerStream_AndTheLastLineIsNotLost()
    {
        await using var logs = new ChildLog();
        const int count = 300;
        var script = $"i=1; while [ $i -le {count} ]; do echo out$i; echo err$i >&2; i=$((i+1)); done; printf last-without-newline";
        await using var process = ManagedProcess.Start(Shell(script), logs.Log);

        Assert.Equal(0, await process.Exited);

        var lines = logs.Lines();
        Assert.Equal([.. Enumerable.Range(1, count).Select(i => $"out{i}"), "last-without-newline"], lines.Where(l => !l.StartsWith("err", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, count).Select(i => $"err{i}"), lines.Where(l => l.StartsWith("err", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheSpecsEnvironmentIsAddedToTheAppHostsAndOverridesIt()
    {
        await using var logs = new ChildLog();
        var environment = new Dictionary<string, string> { ["KHCN_HOSTING_TEST"] = "from-spec", ["HOME"] = "/khcn-home" };
        await using var process = ManagedProcess.Start(
            Shell("echo \"value=$KHCN_HOSTING_TEST home=$HOME path=$PATH\"", environment), logs.Log);

        await process.Exited;

        Assert.Equal([$"value=from-spec home=/khcn-home path={Environment.GetEnvironmentVariable("PATH")}"], logs.Lines());
    }

    [Fact]
    public async Task TheExitCodeIsReported()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell("exit 7"), logs.Log);

        Assert.Equal(7, await process.Exited);
        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task ExitIsReportedEvenWhenABackgroundChildKeepsTheOutputOpen()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell("sleep 60 & echo orphan=$!"), logs.Log);
        var orphan = await NumberPrintedAsAsync(logs, "orphan=");
        try
        {
            Assert.Equal(0, await process.Exited);
            Assert.Contains(logs.Lines(), line => line.Contains("still holds its output", StringComparison.Ordinal));
        }
        finally
        {
            SignalSender.TrySend(orphan, PosixSignal.Kill);
        }
    }

    [Fact]
    public async Task StopWithSigtermEndsAProcessThatHandlesIt()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell($"trap 'echo got-term; exit 0' TERM; echo ready; {WaitForever}"), logs.Log);
        await logs.WaitForLineAsync("ready");

        var exitCode = await process.StopAsync(PosixSignal.Terminate, GenerousGrace);

        Assert.Equal(0, exitCode);
        Assert.Contains("got-term", logs.Lines());
    }

    [Fact]
    public async Task StopKillsAProcessThatIgnoresTheSignalOnceTheGraceIsOver()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell($"trap '' TERM; echo ready; {WaitForever}"), logs.Log);
        await logs.WaitForLineAsync("ready");

        var exitCode = await process.StopAsync(PosixSignal.Terminate, TimeSpan.FromMilliseconds(300));

        Assert.Equal(128 + (int)PosixSignal.Kill, exitCode);
        Assert.Contains(logs.Lines(), line => line.Contains("killing it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheKillAfterTheGraceAlsoEndsWhatTheProgramStarted()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell($"trap '' TERM; sleep 300 & echo background=$!; {WaitForever}"), logs.Log);
        var background = await NumberPrintedAsAsync(logs, "background=");

        try
        {
            await process.StopAsync(PosixSignal.Terminate, TimeSpan.FromMilliseconds(300));

            // Gone, or a zombie waiting for whichever process adopted it to reap it: either way no longer running. The
            // group's SIGKILL is sent before StopAsync returns but takes effect when the kernel next runs the process.
            Assert.True(
                await Eventually.TrueAsync(() => ProcFile.State(background) is null or 'Z'),
                $"The background sleep {background} still runs.");
            Assert.DoesNotContain(logs.Lines(), line => line.Contains("still holds its output", StringComparison.Ordinal));
        }
        finally
        {
            if (ProcFile.State(background) is not (null or 'Z'))
            {
                SignalSender.TrySend(background, PosixSignal.Kill);
            }
        }
    }

    [Fact]
    public async Task StoppingTwiceConcurrentlyAndAgainAfterExitReturnsTheSameExitCode()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(new ProcessSpec("sleep", ["60"], Path.GetTempPath(), new Dictionary<string, string>()), logs.Log);

        var first = process.StopAsync(PosixSignal.Terminate, GenerousGrace);
        var second = process.StopAsync(PosixSignal.Interrupt, GenerousGrace);

        Assert.Equal(128 + (int)PosixSignal.Terminate, await first);
        Assert.Equal(128 + (int)PosixSignal.Terminate, await second);
        Assert.Equal(128 + (int)PosixSignal.Terminate, await process.StopAsync(PosixSignal.Terminate, GenerousGrace));
    }

    [Fact]
    public async Task StoppingAProcessThatAlreadyExitedReturnsItsExitCode()
    {
        await using var logs = new ChildLog();
        await using var process = ManagedProcess.Start(Shell("exit 3"), logs.Log);
        await process.Exited;

        Assert.Equal(3, await process.StopAsync(PosixSignal.Terminate, GenerousGrace));
        Assert.Equal(3, await process.StopAsync(PosixSignal.Terminate, GenerousGrace));
    }

    [Fact]
    public async Task DisposingKillsAProcessThatStillRuns()
    {
        await using var logs = new ChildLog();
        var process = ManagedProcess.Start(Shell($"trap '' TERM; echo ready; {WaitForever}"), logs.Log);
        await logs.WaitForLineAsync("ready");

        await process.DisposeAsync();

        Assert.Equal(128 + (int)PosixSignal.Kill, await process.Exited);
    }

    [Fact]
    public async Task AMissingProgramIsAProcessStartExceptionNamingItAndPath()
    {
        await using var logs = new ChildLog();

        var onPath = Assert.Throws<ProcessStartException>(() => ManagedProcess.Start(
            new ProcessSpec("khcn-no-such-program", [], Path.GetTempPath(), new Dictionary<string, string>()), logs.Log));
        var byPath = Assert.Throws<ProcessStartException>(() => ManagedProcess.Start(
            new ProcessSpec("/nonexistent/khcn-no-such-program", [], Path.GetTempPath(), new Dictionary<string, string>()), logs.Log));

        Assert.Contains("khcn-no-such-program", onPath.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.GetEnvironmentVariable("PATH")!, onPath.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/khcn-no-such-program", byPath.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingWorkingDirectoryIsAProcessStartException()
    {
        await using var logs = new ChildLog();

        var error = Assert.Throws<ProcessStartException>(() => ManagedProcess.Start(
            new ProcessSpec("/bin/sh", ["-c", "true"], "/nonexistent/khcn-folder", new Dictionary<string, string>()), logs.Log));

        Assert.Contains("/nonexistent/khcn-folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsRootAProcessWithAUserRunsWithThatUsersIds()
    {
        // The machine and CI run as root (PostgreSQL refuses root, which is why User exists): no skip here.
        Assert.True(Environment.IsPrivilegedProcess, "These tests run as root, as the AppHost does on the dev machine and in CI.");
        await using var logs = new ChildLog();
        var script = $"trap 'exit 0' TERM; echo ready; {WaitForever}";
        await using var process = ManagedProcess.Start(Shell(script, user: "postgres"), logs.Log);
        await logs.WaitForLineAsync("ready");

        var userId = uint.Parse(await RunAsync("id", "-u", "postgres"));
        var groupId = uint.Parse(await RunAsync("id", "-g", "postgres"));
        Assert.Equal([userId, userId, userId, userId], ProcFile.Ids(process.Id, "Uid"));
        Assert.Equal([groupId, groupId, groupId, groupId], ProcFile.Ids(process.Id, "Gid"));
        Assert.Equal(["/bin/sh", "-c", script], ProcFile.CommandLine(process.Id));
        Assert.Equal(process.Id, ProcFile.SessionId(process.Id));
    }

    private static ProcessSpec Shell(string script, IReadOnlyDictionary<string, string>? environment = null, string? user = null) =>
        new("/bin/sh", ["-c", script], Path.GetTempPath(), environment ?? new Dictionary<string, string>(), user);

    /// <summary>Waits for the child's line <c>prefix123</c> and returns 123 (a process id it reports).</summary>
    private static async Task<int> NumberPrintedAsAsync(ChildLog logs, string prefix) =>
        int.Parse((await logs.WaitForLineStartingWithAsync(prefix))[prefix.Length..]);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
