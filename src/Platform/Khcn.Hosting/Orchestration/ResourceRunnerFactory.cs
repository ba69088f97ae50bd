using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Runners;

namespace Khcn.Hosting.Orchestration;

/// <summary>Which runner runs which kind of resource.</summary>
internal static class ResourceRunnerFactory
{
    public static IResourceRunner Create(IResource resource) => resource switch
    {
        ProjectResource project => new ProjectRunner(project),
        ExecutableResource executable => new ExecutableRunner(executable),
        RedisResource redis => new RedisRunner(redis),
        PostgresServerResource server => new PostgresServerRunner(server),
        PostgresDatabaseResource database => new PostgresDatabaseRunner(database),
        _ => throw new DistributedApplicationException($"The AppHost cannot run resources of type {resource.GetType().Name} ('{resource.Name}')."),
    };
}
