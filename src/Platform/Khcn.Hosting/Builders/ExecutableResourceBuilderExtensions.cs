using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class ExecutableResourceBuilderExtensions
{
    /// <summary>Runs <paramref name="command"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args)
    {
        var resource = builder.AddResource(new ExecutableResource(name, command, workingDirectory));
        return args.Length == 0 ? resource : resource.WithArgs(args);
    }
}
