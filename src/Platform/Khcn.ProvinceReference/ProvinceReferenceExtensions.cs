using Grpc.Net.ClientFactory;
using Khcn.Caching;
using Khcn.Caching.Serialization;
using Khcn.ProvinceReference;
using Khcn.Provinces.V1;
using Khcn.ServiceDefaults.Security.ServiceIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ProvinceReferenceExtensions
{
    /// <summary>
    /// Registers <see cref="IProvinceReference"/> (singleton) and the Provinces client it reads the catalog with. The
    /// client's address comes from configuration <c>services:{serviceName}:http:0</c> (Aspire's convention); settings
    /// from section <c>ProvinceReference</c> (<see cref="ProvinceReferenceOptions"/>). The catalog is read as the service
    /// itself when <c>Authentication:ServiceToken:File</c> is set (see <see cref="ServiceToken"/>). Needs the suite's
    /// <see cref="IKhcnCache"/>, which <c>AddServiceDefaults()</c> registers.
    /// </summary>
    public static IHostApplicationBuilder AddProvinceReference(this IHostApplicationBuilder builder, string serviceName = "provinces")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        builder.AddServiceClient<ProvincesService.ProvincesServiceClient>(serviceName, ProvincesService.Descriptor);
        builder.Services.AddOptions<ProvinceReferenceOptions>()
            .Bind(builder.Configuration.GetSection(ProvinceReferenceOptions.SectionName))
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "ProvinceReference:RefreshInterval must be positive.")
            .Validate(o => o.PageSize is > 0 and <= 100, "ProvinceReference:PageSize must be between 1 and 100.")
            .Validate(o => o.CallTimeout > TimeSpan.Zero, "ProvinceReference:CallTimeout must be positive.");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IProvinceReference>(services =>
        {
            var time = services.GetRequiredService<TimeProvider>();
            var options = services.GetRequiredService<IOptions<ProvinceReferenceOptions>>();
            var cache = services.GetService<IKhcnCache>()
                ?? throw new InvalidOperationException(
                    "AddProvinceReference needs IKhcnCache: call builder.AddServiceDefaults() or services.AddKhcnCache(configuration).");
            var source = new ProvinceCatalogSource(
                services.GetRequiredService<GrpcClientFactory>(),
                serviceName,
                services.GetRequiredService<IConfiguration>(),
                options,
                services.GetRequiredService<ServiceToken>());
            return new CachedProvinceReference(source, cache, options, time, services.GetRequiredService<ILogger<CachedProvinceReference>>());
        });
        return builder;
    }
}
