using Aspire.Hosting.ApplicationModel;
using Khcn.Dashboard.Resources;
using Khcn.Hosting.Logging;
using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Dashboard;

/// <summary>The dashboard's view of a run: each supervisor's resource and state, and the console lines of every log.</summary>
internal sealed class SupervisorCatalog(Func<IReadOnlyList<ResourceSupervisor>> supervisors, RunLogs logs) : IResourceCatalog
{
    public IReadOnlyList<ResourceSnapshot> Snapshot() => supervisors().Select(Describe).ToList();

    public IReadOnlyList<ConsoleLine>? ConsoleLines(string resourceName, long afterSequence) =>
        logs.Find(resourceName)?.Recent.After(afterSequence);

    private static ResourceSnapshot Describe(ResourceSupervisor supervisor)
    {
        var resource = supervisor.Resource;
        var process = supervisor.Runner.Process;
        var endpoints = resource.HasFallenBack()
            ? []
            : resource.Endpoints().Select(e => e.AllocatedEndpoint?.Url).OfType<string>().ToList();
        return new ResourceSnapshot(
            resource.Name,
            TypeOf(resource),
            supervisor.State.ToString(),
            endpoints,
            process is { HasExited: false } ? process.Id : null,
            supervisor.Restarts,
            supervisor.StartedAt);
    }

    private static string TypeOf(IResource resource) => resource switch
    {
        ProjectResource => "project",
        RedisResource => "redis",
        PostgresServerResource => "postgres",
        PostgresDatabaseResource => "database",
        ExecutableResource => "executable",
        _ => "resource",
    };
}
