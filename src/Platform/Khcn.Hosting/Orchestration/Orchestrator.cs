using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Khcn.Dashboard;
using Khcn.Hosting.Dashboard;
using Khcn.Hosting.Logging;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// One run of the app: a run directory with the logs, an address for every endpoint, a supervisor per resource
/// (each waits for its dependencies), the console summary once all are healthy, and on a signal an ordered stop:
/// a resource stops only after everything that waits for it has stopped.
/// </summary>
internal sealed class Orchestrator(ResourceGraph graph, AppHostOptions options, TextWriter console) : IAsyncDisposable
{
    private readonly Dictionary<IResource, ResourceSupervisor> _supervisors = [];
    private RunLogs? _logs;
    private DetachedShell? _orphanWatchdog;
    private DashboardHost? _dashboard;

    // What the dashboard lists: replaced whole once every supervisor exists, never mutated, so its reads need no lock.
    private IReadOnlyList<ResourceSupervisor> _published = [];

    /// <summary>Runs until <paramref name="stopping"/>; 0 when stopped by it, 1 when a resource could not be started.</summary>
    public async Task<int> RunAsync(CancellationToken stopping, CancellationToken forced)
    {
        var clock = Stopwatch.StartNew();
        var runDirectory = RunDirectory.Create(options.RunsRoot, options.KeepRuns, DateTimeOffset.UtcNow);
        _logs = new RunLogs(Path.Combine(runDirectory, RunDirectory.LogsFolder), console, options.Color);
        var appHost = _logs.AppHost;
        appHost.WriteLine($"starting {graph.StartOrder.Count} resources; logs in {_logs.Directory}");

        PortAllocator.AllocateAll(graph.StartOrder);
        var children = new ChildProcessRegistry(Path.Combine(runDirectory, "children"));
        _orphanWatchdog = OrphanWatchdog.Start(children, Environment.ProcessId);
        _dashboard = await StartDashboardAsync(appHost, stopping);
        foreach (var resource in graph.StartOrder)
        {
            _supervisors[resource] = new ResourceSupervisor(
                resource, ResourceRunnerFactory.Create(resource), _logs.For(resource.Name), appHost,
                Path.Combine(runDirectory, resource.Name), options, children, _dashboard?.OtlpGrpcEndpoint);
        }

        _published = [.. _supervisors.Values];

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var supervising = _supervisors.Values.Select(s => s.RunAsync(_supervisors, failed.Token)).ToList();
        var failure = WatchForFailureAsync(supervising, failed);
        try
        {
            await Task.WhenAll(_supervisors.Values.Select(s => s.Ready)).WaitAsync(stopping);
            ReadySummary.Write(appHost, _supervisors.Values, clock.Elapsed, options, _logs.Directory, _dashboard?.BrowserUrl);
            await Task.Delay(Timeout.Infinite, failed.Token);
        }
        catch (OperationCanceledException)
        {
            // A signal, or a resource failed: either way, stop everything below.
        }
        catch (Exception)
        {
            // A resource failed before everything was ready; its error is reported below.
        }

        await failed.CancelAsync();
        var exception = await failure;
        if (exception is not null)
        {
            appHost.WriteLine($"error: {exception.Message}");
        }

        await StopAllAsync(forced);
        appHost.WriteLine("stopped");
        return exception is null ? 0 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var supervisor in _supervisors.Values)
        {
            await supervisor.Runner.DisposeAsync();
        }

        _orphanWatchdog?.Dispose();
        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }

        if (_logs is not null)
        {
            await _logs.DisposeAsync();
        }
    }

    // Started before the resources, so the first span of every service has somewhere to go.
    private async Task<DashboardHost?> StartDashboardAsync(ResourceLog appHost, CancellationToken stopping)
    {
        if (options.Dashboard is null)
        {
            return null;
        }

        var dashboard = await DashboardLauncher.StartAsync(options.Dashboard, new SupervisorCatalog(() => _published, _logs!), appHost, stopping);
        appHost.WriteLine($"dashboard: {dashboard.BrowserUrl} (OTLP/gRPC {dashboard.OtlpGrpcEndpoint}, OTLP/HTTP {dashboard.OtlpHttpEndpoint})");
        return dashboard;
    }

    // The first resource that fails (not a crash: those restart) ends the run.
    private static async Task<Exception?> WatchForFailureAsync(List<Task> supervising, CancellationTokenSource failed)
    {
        var pending = supervising.ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.IsFaulted)
            {
                await failed.CancelAsync();
                await Task.WhenAll(pending).ContinueWith(_ => { }, TaskScheduler.Default);
                return done.Exception!.GetBaseException();
            }
        }

        return null;
    }

    private async Task StopAllAsync(CancellationToken forced)
    {
        var stopped = new Dictionary<IResource, Task>();
        Task StopAfterDependents(IResource resource)
        {
            if (!stopped.TryGetValue(resource, out var task))
            {
                var dependents = graph.DependentsOf(resource).Select(StopAfterDependents).ToList();
                task = StopWhenAsync(dependents, _supervisors[resource], forced);
                stopped[resource] = task;
            }

            return task;
        }

        await Task.WhenAll(graph.StartOrder.Select(StopAfterDependents).ToList());
    }

    private static async Task StopWhenAsync(List<Task> dependents, ResourceSupervisor supervisor, CancellationToken forced)
    {
        await Task.WhenAll(dependents);
        await supervisor.StopAsync(forced);
    }
}
