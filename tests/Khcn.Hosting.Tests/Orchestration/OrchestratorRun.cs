using Aspire.Hosting;
using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Tests.Orchestration;

/// <summary>An app model run by the real orchestrator in the test process, its console captured.</summary>
internal sealed class OrchestratorRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _forced = new();
    private readonly Orchestrator _orchestrator;
    private readonly string _runsRoot = Directory.CreateTempSubdirectory("khcn-apphost-test-").FullName;

    private OrchestratorRun(IDistributedApplicationBuilder builder)
    {
        var options = new AppHostOptions
        {
            RunsRoot = _runsRoot,
            HealthTimeout = TimeSpan.FromSeconds(60),
            StopTimeout = TimeSpan.FromSeconds(5),
            Color = false,
        };
        _orchestrator = new Orchestrator(ResourceGraph.Create(builder.Resources), options, Console);
        Completion = Task.Run(() => _orchestrator.RunAsync(_stopping.Token, _forced.Token));
    }

    public ConsoleCapture Console { get; } = new();

    /// <summary>The exit code the AppHost would return.</summary>
    public Task<int> Completion { get; }

    public string RunsRoot => _runsRoot;

    public static OrchestratorRun Start(IDistributedApplicationBuilder builder) => new(builder);

    /// <summary>What SIGINT does: a graceful, ordered stop.</summary>
    public async Task<int> StopAsync()
    {
        await _stopping.CancelAsync();
        return await Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Completion.IsCompleted)
        {
            await _stopping.CancelAsync();
            await _forced.CancelAsync();
            await Completion.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await _orchestrator.DisposeAsync();
        _stopping.Dispose();
        _forced.Dispose();
        Directory.Delete(_runsRoot, recursive: true);
    }
}
