namespace Aspire.Hosting.ApplicationModel;

/// <summary>The environment being built for one start of a resource.</summary>
public sealed class EnvironmentCallbackContext(IResource resource, IDictionary<string, string> environmentVariables, string? runDirectory = null)
{
    /// <summary>The folder of this AppHost run (files generated for the run go under it); null outside a run.</summary>
    public string? RunDirectory { get; } = runDirectory;

    public IResource Resource { get; } = resource;

    public IDictionary<string, string> EnvironmentVariables { get; } = environmentVariables;
}
