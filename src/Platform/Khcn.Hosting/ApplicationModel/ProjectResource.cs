namespace Aspire.Hosting.ApplicationModel;

/// <summary>A .NET service of the stack, run from its build output with its project folder as content root.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public const string HttpEndpointName = "http";

    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>The folder holding the project file: working directory and content root, as under <c>dotnet run</c>.</summary>
    public string ProjectDirectory => Path.GetDirectoryName(Metadata.ProjectPath)!;

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);
}
