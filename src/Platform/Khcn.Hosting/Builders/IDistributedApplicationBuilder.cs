using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>Where the app model is declared (Aspire's <c>IDistributedApplicationBuilder</c>).</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration: environment variables, then the command line (<c>--postgres</c> is <c>postgres=true</c>).</summary>
    ConfigurationManager Configuration { get; }

    /// <summary>The AppHost project's folder.</summary>
    string AppHostDirectory { get; }

    /// <summary>Every resource declared so far, in declaration order.</summary>
    IReadOnlyList<IResource> Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    /// <summary>A builder for a resource already added (Aspire's <c>CreateResourceBuilder</c>).</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource)
        where T : IResource;

    DistributedApplication Build();
}
