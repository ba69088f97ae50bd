namespace Aspire.Hosting.ApplicationModel;

/// <summary>Queries over a resource's annotations.</summary>
public static class ResourceExtensions
{
    /// <summary>True once the resource decided at start that it cannot run here and the services use their default.</summary>
    public static bool HasFallenBack(this IResource resource) => resource.Annotations.OfType<FallbackAnnotation>().Any();

    /// <summary>The resources this one waits for before it starts (a database waits for its server).</summary>
    public static IEnumerable<IResource> WaitsFor(this IResource resource)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource);
        return resource is IResourceWithParent<IResource> child ? waits.Prepend(child.Parent).Distinct() : waits.Distinct();
    }

    public static IEnumerable<EndpointAnnotation> Endpoints(this IResource resource) => resource.Annotations.OfType<EndpointAnnotation>();

    /// <summary>What the resource's environment callbacks set, evaluated now: its endpoints must be allocated.</summary>
    internal static Dictionary<string, string> ResolveEnvironment(this IResource resource, string? runDirectory = null)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(resource, environment, runDirectory);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Callback(context);
        }

        return environment;
    }
}
