using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The handle the app model's fluent calls (<c>WithReference</c>, <c>WaitFor</c>) extend.</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    T Resource { get; }

    IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation)
        where TAnnotation : IResourceAnnotation;
}
