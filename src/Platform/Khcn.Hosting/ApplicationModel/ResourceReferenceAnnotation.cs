namespace Aspire.Hosting.ApplicationModel;

/// <summary>Records that a resource references another (shown in the console summary; a reference alone never waits).</summary>
public sealed class ResourceReferenceAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
