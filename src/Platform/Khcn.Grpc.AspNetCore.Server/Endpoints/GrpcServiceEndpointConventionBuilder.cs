using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Applies endpoint conventions (authorization, CORS, metadata...) to every method endpoint of one or more gRPC services.</summary>
public sealed class GrpcServiceEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IReadOnlyList<IEndpointConventionBuilder> _methodEndpoints;

    internal GrpcServiceEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> methodEndpoints)
        => _methodEndpoints = methodEndpoints;

    /// <inheritdoc />
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var endpoint in _methodEndpoints)
        {
            endpoint.Add(convention);
        }
    }

    /// <inheritdoc />
    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var endpoint in _methodEndpoints)
        {
            endpoint.Finally(finallyConvention);
        }
    }
}
