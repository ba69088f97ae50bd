using Microsoft.Extensions.Configuration;

namespace Grpc.Net.ClientFactory;

/// <summary>Resolves a named client's address from configuration the way .NET Aspire service discovery publishes it.</summary>
internal static class GrpcClientAddressResolver
{
    public static Uri Resolve(string name, IConfiguration? configuration)
    {
        // Aspire injects one value per endpoint: services__{name}__{scheme}__{index}. Prefer TLS when both exist.
        var httpsKey = $"services:{name}:https:0";
        var httpKey = $"services:{name}:http:0";
        var value = configuration?[httpsKey] ?? configuration?[httpKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"No address is configured for the gRPC client '{name}'. Set GrpcClientFactoryOptions.Address, or the configuration key " +
                $"'{httpsKey}' or '{httpKey}' (environment variable 'services__{name}__https__0' or 'services__{name}__http__0').");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var address))
        {
            throw new InvalidOperationException($"The configured address '{value}' of the gRPC client '{name}' is not an absolute URI.");
        }

        return address;
    }
}
