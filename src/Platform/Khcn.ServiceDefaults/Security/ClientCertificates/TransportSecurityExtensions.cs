using Khcn.ServiceDefaults.Security.ClientCertificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class TransportSecurityExtensions
{
    /// <summary>
    /// Mutual TLS from <see cref="ClientCertificateOptions.SectionName"/>: HTTPS endpoints ask for client certificates
    /// and accept only those issued by the configured authorities; <see cref="ClientCertificateCallerExtensions"/> names
    /// the calling system per request and <see cref="ClientCertificateCallerIdentities"/> maps it to its grants.
    /// TLS itself needs nothing here: Kestrel serves https URLs with <c>Kestrel:Certificates:Default</c>.
    /// Calling it again changes nothing.
    /// </summary>
    public static TBuilder AddTransportSecurity<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(service => service.ServiceType == typeof(ClientCertificateCallerIdentities)))
        {
            return builder;
        }

        builder.Services.AddOptions<ClientCertificateOptions>()
            .BindConfiguration(ClientCertificateOptions.SectionName)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ClientCertificateOptions>, ClientCertificateOptionsValidation>());
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, ClientCertificateKestrelDefaults>());
        builder.Services.AddSingleton<ClientCertificateCallerIdentities>();
        return builder;
    }
}
