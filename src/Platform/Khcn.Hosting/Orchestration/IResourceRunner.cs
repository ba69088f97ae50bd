using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// How one kind of resource runs. The supervisor calls <see cref="StartAsync"/>, then polls <see cref="IsHealthyAsync"/>
/// until it answers true, watches <see cref="Process"/> and, when it exits unasked, starts again after a backoff.
/// </summary>
internal interface IResourceRunner : IAsyncDisposable
{
    /// <summary>
    /// Starts one instance. A resource that cannot run here (its server is not installed) adds a
    /// <see cref="Aspire.Hosting.ApplicationModel.FallbackAnnotation"/> instead and returns; it is then never probed.
    /// Throws <see cref="Aspire.Hosting.DistributedApplicationException"/> when it should run but cannot.
    /// </summary>
    Task StartAsync(RunContext context, CancellationToken cancellationToken);

    /// <summary>One health check of the running instance.</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>The instance's process, or null for a resource without one (a database inside its server).</summary>
    ManagedProcess? Process { get; }

    /// <summary>Stops the instance gracefully (its own signal and grace period), then kills what is left.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
