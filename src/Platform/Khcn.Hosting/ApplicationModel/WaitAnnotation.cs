namespace Aspire.Hosting.ApplicationModel;

/// <summary>The resource starts only once <see cref="Resource"/> is healthy (or fell back to the embedded default).</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
