using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Health;
using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>
/// Runs a .NET project from its build output (<c>dotnet Service.dll</c>, not <c>dotnet run</c>: no build at each
/// restart, and signals reach the service itself) in its project folder; healthy when <c>/health</c> on its health
/// endpoint answers 200.
/// </summary>
internal sealed class ProjectRunner(ProjectResource resource) : IResourceRunner
{
    private readonly HttpHealthProbe _probe = new(new Uri(resource.HealthEndpoint.Url));

    // SIGTERM: ASP.NET Core's host stops gracefully (drains calls, flushes telemetry).
    private readonly ProcessSlot _process = new(PosixSignal.Terminate);

    public ManagedProcess? Process => _process.Current;

    public Task StartAsync(RunContext context, CancellationToken cancellationToken)
    {
        var assembly = resource.Metadata.TargetPath;
        if (!File.Exists(assembly))
        {
            throw new DistributedApplicationException(
                $"'{resource.Name}' has not been built: {assembly} is missing (build the AppHost, which builds every project it runs).");
        }

        return _process.StartAsync(
            new ProcessSpec(DotnetHost.Path, [assembly, .. context.Arguments], resource.ProjectDirectory, context.Environment), context);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => _probe.IsHealthyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _probe.DisposeAsync();
    }
}
