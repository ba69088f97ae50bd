namespace Aspire.Hosting.ApplicationModel;

/// <summary>A .NET service of the stack, run from its build output with its project folder as content root.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    /// <summary>The service's own endpoint (gRPC over h2c). First, so it is the one the console summary shows.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The HTTP/1.1 endpoint serving only /health and /alive (the service's <c>HealthChecks__Urls</c>).</summary>
    public const string HealthEndpointName = "health";

    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>The folder holding the project file: working directory and content root, as under <c>dotnet run</c>.</summary>
    public string ProjectDirectory => Path.GetDirectoryName(Metadata.ProjectPath)!;

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public EndpointReference HealthEndpoint => new(this, HealthEndpointName);
}
