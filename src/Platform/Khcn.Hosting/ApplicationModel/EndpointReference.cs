namespace Aspire.Hosting.ApplicationModel;

/// <summary>A named endpoint of a resource, resolved when it is allocated.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName)
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Annotation =>
        Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint '{EndpointName}'.");

    public bool IsAllocated => Annotation.AllocatedEndpoint is not null;

    public AllocatedEndpoint Allocated =>
        Annotation.AllocatedEndpoint ?? throw new InvalidOperationException($"Endpoint '{EndpointName}' of '{Resource.Name}' is not allocated yet.");

    public string Url => Allocated.Url;

    public string Host => Allocated.Host;

    public int Port => Allocated.Port;
}
