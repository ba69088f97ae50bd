using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting;
using Khcn.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(CommandLineSwitches.Normalize(args));
        AppHostDirectory = FindAppHostDirectory();
    }

    public ConfigurationManager Configuration { get; }

    public string AppHostDirectory { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource of that name already exists.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource)
        where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        var options = AppHostOptions.From(Configuration, AppHostDirectory);
        return new DistributedApplication(ResourceGraph.Create(_resources), options);
    }

    // The build bakes the AppHost project's folder into the assembly (Aspire's "apphostprojectpath" metadata); a copy
    // run from elsewhere falls back to the working directory.
    private static string FindAppHostDirectory()
    {
        var baked = Assembly.GetEntryAssembly()?
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value;
        return baked is not null && Directory.Exists(baked) ? baked : Directory.GetCurrentDirectory();
    }
}
