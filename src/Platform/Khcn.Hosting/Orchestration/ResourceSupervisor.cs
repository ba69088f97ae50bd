using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Logging;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// Runs one resource for the whole run: waits for what it depends on, starts it, waits until it is healthy, and when
/// its process exits unasked starts it again after the restart policy's delay, on the same endpoint.
/// </summary>
internal sealed class ResourceSupervisor(
    IResource resource,
    IResourceRunner runner,
    ResourceLog log,
    ResourceLog appHostLog,
    string workDirectory,
    AppHostOptions options,
    ChildProcessRegistry children,
    Uri? otlpEndpoint = null)
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string OtlpProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IResource Resource => resource;

    public IResourceRunner Runner => runner;

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    /// <summary>How many times the resource was started again after its process exited.</summary>
    public int Restarts { get; private set; }

    /// <summary>When the current process (or the last one) started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The log of the resource's own output.</summary>
    public ResourceLog Log => log;

    /// <summary>Completes when the resource is first healthy or fell back; faults when it cannot be started.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Supervises until <paramref name="stopping"/>; faults when the resource fails (not when it crashes: that restarts).</summary>
    public async Task RunAsync(IReadOnlyDictionary<IResource, ResourceSupervisor> all, CancellationToken stopping)
    {
        try
        {
            State = ResourceState.Waiting;
            await Task.WhenAll(resource.WaitsFor().Select(d => all[d].Ready)).WaitAsync(stopping);
            await SuperviseAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stopping);
        }
        catch (Exception exception)
        {
            State = ResourceState.Failed;
            _ready.TrySetException(exception);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken forced)
    {
        if (State is ResourceState.NotStarted or ResourceState.Waiting or ResourceState.FallBack or ResourceState.Stopped)
        {
            State = ResourceState.Stopped;
            return;
        }

        State = ResourceState.Stopping;
        try
        {
            await runner.StopAsync(forced).WaitAsync(forced);
        }
        catch (OperationCanceledException) when (forced.IsCancellationRequested)
        {
            // A second Ctrl+C: the orchestrator kills whatever is left when it disposes the runners.
        }

        State = ResourceState.Stopped;
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var attempt = 0;
        while (true)
        {
            State = attempt == 0 ? ResourceState.Starting : ResourceState.Restarting;
            await runner.StartAsync(NewRunContext(), stopping);
            StartedAt = DateTimeOffset.UtcNow;
            if (resource.HasFallenBack())
            {
                State = ResourceState.FallBack;
                appHostLog.WriteLine($"{resource.Name}: {resource.Annotations.OfType<FallbackAnnotation>().First().Message}");
                _ready.TrySetResult();
                return;
            }

            var started = Stopwatch.StartNew();
            if (await WaitHealthyAsync(stopping))
            {
                State = ResourceState.Healthy;
                if (!_ready.TrySetResult())
                {
                    appHostLog.WriteLine($"{resource.Name} is healthy again (pid {runner.Process?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})");
                }
            }

            if (runner.Process is null)
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }

            var exitCode = await runner.Process!.Exited.WaitAsync(stopping);
            attempt = options.Restart.NextAttempt(attempt, started.Elapsed);
            Restarts++;
            var delay = options.Restart.DelayBefore(attempt);
            State = ResourceState.Restarting;
            appHostLog.WriteLine($"{resource.Name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s (restart {attempt})");
            await Task.Delay(delay, stopping);
        }
    }

    /// <summary>True once healthy; false when the process exited first (the caller restarts it).</summary>
    private async Task<bool> WaitHealthyAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(options.HealthTimeout);
        try
        {
            while (true)
            {
                if (runner.Process is { HasExited: true })
                {
                    return false;
                }

                if (await runner.IsHealthyAsync(timeout.Token))
                {
                    return true;
                }

                await Task.Delay(options.HealthInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new DistributedApplicationException(
                $"'{resource.Name}' did not become healthy within {options.HealthTimeout.TotalSeconds:0} s; its log is {log.Name}.log in the run directory.");
        }
    }

    private RunContext NewRunContext()
    {
        var environment = resource.ResolveEnvironment(Path.GetDirectoryName(workDirectory));

        // The dashboard receives every project's telemetry, unless the app model points it elsewhere.
        if (otlpEndpoint is not null && resource is ProjectResource && !environment.ContainsKey(OtlpEndpointVariable))
        {
            environment[OtlpEndpointVariable] = otlpEndpoint.ToString().TrimEnd('/');
            environment[OtlpProtocolVariable] = "grpc";
        }

        var arguments = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();
        Directory.CreateDirectory(workDirectory);
        return new RunContext(log, workDirectory, environment, arguments, options, children);
    }
}
