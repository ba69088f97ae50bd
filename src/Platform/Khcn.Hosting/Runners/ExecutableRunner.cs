using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>Runs an <see cref="ExecutableResource"/>; with no health endpoint to ask, it is healthy while it runs.</summary>
internal sealed class ExecutableRunner(ExecutableResource resource) : IResourceRunner
{
    private readonly ProcessSlot _process = new(PosixSignal.Terminate);

    public ManagedProcess? Process => _process.Current;

    public Task StartAsync(RunContext context, CancellationToken cancellationToken) =>
        _process.StartAsync(new ProcessSpec(resource.Command, context.Arguments, resource.WorkingDirectory, context.Environment), context);

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(Process is { HasExited: false });

    public Task StopAsync(CancellationToken cancellationToken) => _process.StopAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
