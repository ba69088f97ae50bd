using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wraps the registered <see cref="HealthCheckService"/> in <see cref="UntracedHealthCheckService"/>.</summary>
internal static class HealthCheckTracingSuppression
{
    /// <summary>
    /// Replaces the registration in place, keeping its lifetime. The default implementation is internal to
    /// Microsoft.Extensions.Diagnostics.HealthChecks, so it is built from the descriptor. Needs AddHealthChecks to have
    /// run already (AddServiceDefaults adds the default checks before telemetry); a later AddHealthChecks keeps this
    /// registration, as it only adds the service when none is there.
    /// </summary>
    public static void UntraceHealthChecks(this IServiceCollection services)
    {
        for (var index = 0; index < services.Count; index++)
        {
            var descriptor = services[index];
            if (descriptor.ServiceType == typeof(HealthCheckService) && !descriptor.IsKeyedService)
            {
                services[index] = ServiceDescriptor.Describe(
                    typeof(HealthCheckService),
                    provider => new UntracedHealthCheckService(CreateInner(provider, descriptor)),
                    descriptor.Lifetime);
            }
        }
    }

    private static HealthCheckService CreateInner(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (HealthCheckService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
