using Grpc.AspNetCore.Server;
using Khcn.Security.Tokens;
using Khcn.ServiceDefaults.Security.ClientCertificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// Turns caller authentication and scope checks on when <c>Authentication:Jwt</c> names issuers (bearer tokens), when
/// mutual TLS is on (<c>Authentication:ClientCertificates:TrustedAuthorities</c>: client certificates of the systems
/// configured under <c>Systems</c>), or both.
/// </summary>
internal static class CallerAuthenticationExtensions
{
    public static IHostApplicationBuilder AddCallerAuthentication(this IHostApplicationBuilder builder)
    {
        // Registered either way, so use cases can always ask; without authentication Current stays null.
        builder.Services.TryAddScoped<CallerContext>();
        builder.Services.TryAddScoped<ICallerContext>(static services => services.GetRequiredService<CallerContext>());

        var options = JwtValidationOptions.FromConfiguration(builder.Configuration);
        var certificatesOn = MutualTlsIsOn(builder.Configuration);
        if (options.Issuers.Count == 0 && !certificatesOn)
        {
            // Off: the AppHost's development run and the tests that configure neither call without credentials.
            return builder;
        }

        // Validates the settings and loads the keys now, so a bad configuration stops the service at startup.
        var validator = options.Issuers.Count == 0 ? null : new BearerTokenValidator(options);

        // The certificate identities are registered by AddTransportSecurity, which AddServiceDefaults calls next;
        // resolved here only once the first call needs the schemes.
        builder.Services.AddSingleton(services => new CallerAuthenticationSchemes(
            validator,
            certificatesOn ? services.GetRequiredService<ClientCertificateCallerIdentities>() : null));

        // After ApiExceptionInterceptor (registered by AddGrpc): refusals are already RpcExceptions with their
        // ErrorInfo, and nothing of the service runs before the caller is admitted.
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<CallerAuthenticationInterceptor>());
        return builder;
    }

    // Read from configuration now, as the Jwt settings are: the interceptor is installed, or not, at startup. A mode
    // without a bundle counts as on here; options validation then stops the service, as it should.
    private static bool MutualTlsIsOn(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClientCertificateOptions.SectionName).Get<ClientCertificateOptions>();
        return settings is not null && settings.EffectiveMode != ClientCertificateRequirement.Off;
    }
}
