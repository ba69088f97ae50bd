using Grpc.AspNetCore.Server;
using Khcn.ServiceDefaults.Hardening.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>Limits every service has: message sizes, request stream length, connection limits, and per-caller rate limits.</summary>
internal static class HardeningExtensions
{
    /// <summary>Must follow AddCallerAuthentication: interceptors run in registration order, and rate limits need the caller.</summary>
    public static IHostApplicationBuilder AddHardening(this IHostApplicationBuilder builder)
    {
        // Read now, so a bad value stops the service at startup rather than at the first call.
        var limits = GrpcLimits.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.MaxReceiveMessageSize = limits.MaxReceiveMessageSize;
            grpc.MaxSendMessageSize = limits.MaxSendMessageSize;
            grpc.Interceptors.Add<RequestStreamLimitInterceptor>();
        });

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitDefaults>());

        if (RateLimitOptions.FromConfiguration(builder.Configuration) is { } rateLimits)
        {
            // From a factory, so the container disposes it (and its refill timers) with the host.
            builder.Services.AddSingleton(_ => new CallerRateLimiter(rateLimits));
            builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<CallerRateLimitInterceptor>());
        }

        return builder;
    }
}
