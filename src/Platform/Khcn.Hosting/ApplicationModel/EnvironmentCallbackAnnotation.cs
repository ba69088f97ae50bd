namespace Aspire.Hosting.ApplicationModel;

/// <summary>Adds environment variables to a resource's process; runs each time the process (re)starts.</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}
