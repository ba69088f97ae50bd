using System.Reflection;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Resources;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Who the telemetry is from: the resource every span, metric and log record carries. The AppHost sets
/// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES=service.instance.id=…; run on its own, a service is named after
/// its application and gets a new instance id per process.
/// </summary>
public sealed record TelemetryIdentity(string ServiceName, string? ServiceVersion, string ServiceInstanceId)
{
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";

    public static TelemetryIdentity From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var attributes = ParseResourceAttributes(configuration[ResourceAttributesKey]);
        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured
            : attributes.GetValueOrDefault("service.name") ?? environment.ApplicationName;
        var instanceId = attributes.GetValueOrDefault("service.instance.id") ?? Guid.NewGuid().ToString();
        return new TelemetryIdentity(name, InformationalVersion(environment.ApplicationName), instanceId);
    }

    /// <summary>
    /// The SDK's environment detector (in the default resource) adds everything OTEL_RESOURCE_ATTRIBUTES carries;
    /// the service attributes are added after it so OTEL_SERVICE_NAME wins over a service.name there, as the
    /// specification says.
    /// </summary>
    public void Describe(ResourceBuilder resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.AddService(ServiceName, serviceVersion: ServiceVersion, autoGenerateServiceInstanceId: false, serviceInstanceId: ServiceInstanceId);
    }

    /// <summary>The W3C Baggage-style list of OTEL_RESOURCE_ATTRIBUTES: <c>key=value,key=value</c>, values percent-encoded.</summary>
    public static IReadOnlyDictionary<string, string> ParseResourceAttributes(string? value)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0)
            {
                attributes[pair[..separator].Trim()] = Uri.UnescapeDataString(pair[(separator + 1)..].Trim());
            }
        }
        return attributes;
    }

    // The application's assembly, not the entry assembly: under a test runner the entry assembly is the runner.
    private static string? InformationalVersion(string applicationName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(assembly => assembly.GetName().Name == applicationName)?
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
}
