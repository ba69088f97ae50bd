using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>
/// The built AppHost as a child process, the way a developer runs it, in a folder of its own (run directories and
/// SQLite databases). Collects its console, waits for lines, signals it, and lists the processes below it. Disposing
/// stops whatever a failed test left running: SIGTERM to the AppHost, then SIGKILL to every process still alive.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    /// <summary>From start to all healthy; CI machines are slow, and a first run loads every seed.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    /// <summary>From a signal to the AppHost's exit (each resource has its own stop timeout, 10 s by default).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly Lock _gate = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _transcript = [];
    private TaskCompletionSource _lineArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stdoutClosed;

    private AppHostProcess(Process process, string workDirectory, ITestOutputHelper output)
    {
        _process = process;
        WorkDirectory = workDirectory;
        _output = output;
    }

    /// <summary>The folder holding this run's run directories and SQLite databases; deleted on dispose.</summary>
    public string WorkDirectory { get; }

    public int Pid => _process.Id;

    /// <summary>How many stdout lines have arrived: where a wait for what a later action prints starts.</summary>
    public int LineCount
    {
        get
        {
            lock (_gate)
            {
                return _stdout.Count;
            }
        }
    }

    /// <summary>Starts the AppHost with <paramref name="arguments"/>.</summary>
    /// <param name="environment">More environment for the AppHost (and so its children), given the work directory.</param>
    public static AppHostProcess Start(
        ITestOutputHelper output,
        IReadOnlyList<string> arguments,
        Func<string, IReadOnlyDictionary<string, string>>? environment = null)
    {
        Assert.True(File.Exists(RepositoryPaths.AppHostAssembly), $"{RepositoryPaths.AppHostAssembly} is missing: build the test project, which builds the AppHost.");
        var workDirectory = Directory.CreateTempSubdirectory("khcn-apphost-test-").FullName;
        var start = new ProcessStartInfo(DotnetExecutable.Path)
        {
            WorkingDirectory = RepositoryPaths.Root,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            ArgumentList = { RepositoryPaths.AppHostAssembly },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Children inherit these: each run keeps its run directories and databases to itself.
        start.Environment["AppHost__RunsRoot"] = Path.Combine(workDirectory, "runs");
        start.Environment["Database__provincesdb__Path"] = Path.Combine(workDirectory, "provinces.db");
        start.Environment["Database__tasksdb__Path"] = Path.Combine(workDirectory, "tasks.db");
        start.Environment["Database__ipdb__Path"] = Path.Combine(workDirectory, "ip.db");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment?.Invoke(workDirectory) ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var appHost = new AppHostProcess(process, workDirectory, output);
        process.OutputDataReceived += (_, e) => appHost.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => appHost.OnStderr(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHost;
    }

    /// <summary>Waits for a stdout line matching <paramref name="pattern"/>, from line <paramref name="fromLine"/> on.</summary>
    /// <returns>The line's index and the match.</returns>
    public async Task<(int Index, Match Match)> WaitForLineAsync(Regex pattern, string waitingFor, TimeSpan timeout, int fromLine = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        var next = fromLine;
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                for (; next < _stdout.Count; next++)
                {
                    if (pattern.Match(_stdout[next]) is { Success: true } match)
                    {
                        return (next, match);
                    }
                }

                if (_stdoutClosed)
                {
                    Assert.Fail(Describe($"The AppHost closed its output before {waitingFor}."));
                }

                arrived = _lineArrived.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                Assert.Fail(Describe($"No line saying {waitingFor} within {timeout.TotalSeconds:0} s."));
            }

            await Task.WhenAny(arrived, Task.Delay(remaining));
        }
    }

    /// <summary>Waits for the summary printed once every resource is healthy (or fell back) and parses it.</summary>
    public async Task<ReadySummary> WaitUntilReadyAsync()
    {
        var (first, _) = await WaitForLineAsync(ReadySummary.HeadlinePattern(), "all resources are healthy", ReadyTimeout);
        var (last, _) = await WaitForLineAsync(ReadySummary.LogsPattern(), "where the logs are (the summary's last line)", StopTimeout, first);
        lock (_gate)
        {
            var summary = ReadySummary.Parse(_stdout[first..(last + 1)]);
            Assert.True(summary.Count == summary.Rows.Count, Describe($"The headline counts {summary.Count} resources, the summary has {summary.Rows.Count} rows."));
            return summary;
        }
    }

    public void Signal(int signal) =>
        Assert.True(PosixSignals.Send(Pid, signal), Describe($"Could not send signal {signal} to the AppHost (pid {Pid})."));

    /// <summary>Waits for the AppHost to exit (and its output to end) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(Describe($"The AppHost did not exit within {timeout.TotalSeconds:0} s."));
        }

        return _process.ExitCode;
    }

    /// <summary>Every process below the AppHost now (children and theirs).</summary>
    public IReadOnlyList<ProcessIdentity> Descendants() => ProcessTree.DescendantsOf(Pid);

    /// <summary>The console so far (stderr lines marked), for assertion messages.</summary>
    public string Describe(string problem)
    {
        lock (_gate)
        {
            var exit = _process.HasExited ? $"exited with {_process.ExitCode}" : "running";
            var tail = _transcript.Skip(Math.Max(0, _transcript.Count - 300));
            return $"{problem}\nAppHost (pid {Pid}, {exit}), last lines of its console:\n{string.Join('\n', tail)}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            var tree = Descendants();
            PosixSignals.Send(Pid, PosixSignals.Terminate);
            using var cancellation = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                PosixSignals.Send(Pid, PosixSignals.Kill);
            }

            foreach (var leftover in tree.Where(p => p.IsAlive))
            {
                PosixSignals.Send(leftover.Pid, PosixSignals.Kill);
            }
        }

        WriteTranscript();
        _process.Dispose();
        DeleteWorkDirectory();
    }

    private void OnStdout(string? line)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            if (line is null)
            {
                _stdoutClosed = true;
            }
            else
            {
                _stdout.Add(line);
                _transcript.Add(line);
            }

            arrived = _lineArrived;
            _lineArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
    }

    private void OnStderr(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _transcript.Add("stderr| " + line);
            }
        }
    }

    private void WriteTranscript()
    {
        lock (_gate)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AppHost console ({_transcript.Count} lines):"));
            foreach (var line in _transcript)
            {
                _output.WriteLine(line);
            }
        }
    }

    private void DeleteWorkDirectory()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process killed above may still be letting go of its files; the temp folder is cleaned eventually.
        }
    }
}
