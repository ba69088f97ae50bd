using Khcn.Hosting;
using Khcn.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>
/// The built app: <see cref="Run"/> starts every resource in dependency order, waits on their health, restarts crashed
/// ones, and on Ctrl+C or SIGTERM stops them all (dependents first) before returning.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly ResourceGraph _graph;
    private readonly AppHostOptions _options;

    internal DistributedApplication(ResourceGraph graph, AppHostOptions options)
    {
        _graph = graph;
        _options = options;
    }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => new DistributedApplicationBuilder(args);

    /// <summary>Runs until Ctrl+C or SIGTERM; the process exit code says whether every resource started.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var signals = ShutdownSignals.Listen(cancellationToken);
        await using var orchestrator = new Orchestrator(_graph, _options, Console.Out);
        Environment.ExitCode = await orchestrator.RunAsync(signals.Token, signals.Forced);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
