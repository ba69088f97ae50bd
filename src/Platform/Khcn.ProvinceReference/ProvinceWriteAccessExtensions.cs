using Khcn.ProvinceReference;
using Khcn.ServiceDefaults.Security;

namespace Microsoft.Extensions.DependencyInjection;

public static class ProvinceWriteAccessExtensions
{
    /// <summary>
    /// Registers <see cref="ProvinceWriteAccess"/> (scoped: it reads the call's caller) for <paramref name="service"/>
    /// (the scope prefix, e.g. <c>tasks</c>), with the lineage from <see cref="IProvinceReference"/>.
    /// </summary>
    public static IServiceCollection AddProvinceWriteAccess(this IServiceCollection services, string service)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return services.AddScoped(provider => new ProvinceWriteAccess(
            service, provider.GetRequiredService<ICallerContext>(), provider.GetRequiredService<IProvinceReference>()));
    }
}
