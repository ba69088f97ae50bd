using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>
/// The one process a runner keeps: replaced at each (re)start, stopped with the resource's own signal and the run's
/// grace period, killed if still running when the runner is disposed.
/// </summary>
/// <param name="stopSignal">SIGTERM for .NET services and Redis; SIGINT for PostgreSQL's fast shutdown.</param>
internal sealed class ProcessSlot(PosixSignal stopSignal) : IAsyncDisposable
{
    private TimeSpan _stopTimeout = TimeSpan.FromSeconds(10);
    private ChildProcessRegistry? _children;

    public ManagedProcess? Current { get; private set; }

    public async Task StartAsync(ProcessSpec spec, RunContext context)
    {
        _stopTimeout = context.Options.StopTimeout;
        _children = context.Children;
        await ReleaseAsync(); // the crashed instance before this restart
        Current = ManagedProcess.Start(spec, context.Log);
        _children?.Add(Current.Id);
    }

    public Task StopAsync() => Current is { HasExited: false } process ? process.StopAsync(stopSignal, _stopTimeout) : Task.CompletedTask;

    public ValueTask DisposeAsync() => ReleaseAsync();

    private async ValueTask ReleaseAsync()
    {
        if (Current is not null)
        {
            await Current.DisposeAsync();
            _children?.Remove(Current.Id);
        }
    }
}
