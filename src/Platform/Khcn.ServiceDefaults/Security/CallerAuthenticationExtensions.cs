using Grpc.AspNetCore.Server;
using Khcn.Security.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Khcn.ServiceDefaults.Security;

/// <summary>Turns bearer-token authentication and scope checks on when <c>Authentication:Jwt</c> names issuers.</summary>
internal static class CallerAuthenticationExtensions
{
    public static IHostApplicationBuilder AddCallerAuthentication(this IHostApplicationBuilder builder)
    {
        // Registered either way, so use cases can always ask; without authentication Current stays null.
        builder.Services.TryAddScoped<CallerContext>();
        builder.Services.TryAddScoped<ICallerContext>(static services => services.GetRequiredService<CallerContext>());

        var options = JwtValidationOptions.FromConfiguration(builder.Configuration);
        if (options.Issuers.Count == 0)
        {
            // Off: the AppHost's development run and the tests that do not configure issuers call without tokens.
            return builder;
        }

        // Validates the settings and loads the keys now, so a bad configuration stops the service at startup.
        var validator = new BearerTokenValidator(options);
        builder.Services.AddSingleton(validator);

        // After ApiExceptionInterceptor (registered by AddGrpc): refusals are already RpcExceptions with their
        // ErrorInfo, and nothing of the service runs before the caller is admitted.
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<CallerAuthenticationInterceptor>());
        return builder;
    }
}
