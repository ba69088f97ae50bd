namespace Aspire.Hosting.ApplicationModel;

/// <summary>The environment being built for one start of a resource.</summary>
public sealed class EnvironmentCallbackContext(IResource resource, IDictionary<string, string> environmentVariables)
{
    public IResource Resource { get; } = resource;

    public IDictionary<string, string> EnvironmentVariables { get; } = environmentVariables;
}
