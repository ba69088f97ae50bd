using System.ComponentModel;
using System.Diagnostics;
using Khcn.Hosting.Logging;

namespace Khcn.Hosting.Processes;

/// <summary>
/// One child process of the AppHost, in a session of its own (setsid), so a Ctrl+C at the terminal reaches only the
/// AppHost, which then stops the children in order. Its stdout and stderr go line by line to the resource's log.
/// </summary>
internal sealed class ManagedProcess : IAsyncDisposable
{
    // A program may leave a background child holding its stdout; its exit must not wait for that child forever.
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly ResourceLog _log;
    private readonly Task _reaped;
    private readonly Lock _gate = new();
    private Task<int>? _stopping;

    private ManagedProcess(Process process, ResourceLog log)
    {
        _process = process;
        _log = log;
        Id = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
        // Children never read the terminal: their stdin is a pipe that is closed at once.
        process.StandardInput.Close();
        var output = Task.Run(() => PumpAsync(process.StandardOutput, log));
        var error = Task.Run(() => PumpAsync(process.StandardError, log));
        _reaped = process.WaitForExitAsync();
        Exited = ExitCodeAfterOutputAsync(output, error);
    }

    /// <summary>The child's process id (the resource's own process: setsid/setpriv exec into it).</summary>
    public int Id { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code when the process ends, whatever the reason (128 + n for signal n).</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>Starts the process; throws <see cref="ProcessStartException"/> when it cannot be started.</summary>
    public static ManagedProcess Start(ProcessSpec spec, ResourceLog log)
    {
        var process = new Process { StartInfo = LaunchCommand.Create(spec) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            process.Dispose();
            throw new ProcessStartException($"Cannot start '{spec.FileName}': {e.Message}", e);
        }

        return new ManagedProcess(process, log);
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (SIGTERM for .NET and Redis, SIGINT for PostgreSQL's fast shutdown), waits up to
    /// <paramref name="grace"/>, then SIGKILLs what is left. Returns the exit code. Safe to call after exit or twice.
    /// </summary>
    public Task<int> StopAsync(PosixSignal signal, TimeSpan grace)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        lock (_gate)
        {
            return _stopping ??= StopOnceAsync(signal, grace);
        }
    }

    /// <summary>Kills the process at once (SIGKILL) if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        KillIfRunning();
        await Exited.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<int> StopOnceAsync(PosixSignal signal, TimeSpan grace)
    {
        // Only a process not yet reaped is signalled: a reaped process's id may already belong to another one.
        if (!_reaped.IsCompleted && SignalSender.TrySend(Id, signal))
        {
            try
            {
                await _reaped.WaitAsync(grace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _log.WriteLine($"(did not stop within {grace.TotalSeconds:0.#} s of {signal}; killing it)");
            }
        }

        KillIfRunning();
        return await Exited.ConfigureAwait(false);
    }

    private void KillIfRunning()
    {
        if (_reaped.IsCompleted)
        {
            return;
        }

        // The program leads its own process group (setsid), so this also takes down what it started itself.
        SignalSender.TrySendToGroup(Id, PosixSignal.Kill);
        SignalSender.TrySend(Id, PosixSignal.Kill);
    }

    private async Task<int> ExitCodeAfterOutputAsync(Task output, Task error)
    {
        await _reaped.ConfigureAwait(false);
        try
        {
            await Task.WhenAll(output, error).WaitAsync(OutputDrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log.WriteLine("(exited, but a process it started still holds its output; no longer waiting for it)");
        }

        return _process.ExitCode;
    }

    private static async Task PumpAsync(StreamReader reader, ResourceLog log)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                log.WriteLine(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process (or the Process was disposed): nothing more to read.
        }
    }
}
