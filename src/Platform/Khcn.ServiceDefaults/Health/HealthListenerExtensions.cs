using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class HealthListenerExtensions
{
    /// <summary>
    /// With <see cref="HealthEndpoints.UrlsConfigurationKey"/> set: the server also listens there, over HTTP/1.1, for the
    /// health paths only. Must follow AddGrpc, whose Kestrel defaults this one takes over.
    /// </summary>
    public static void AddHealthListener(this IHostApplicationBuilder builder)
    {
        if (HealthListener.From(builder.Configuration) is not { } listener)
        {
            return;
        }

        // A source of its own, added last, so it wins over ASPNETCORE_URLS and --urls, which it extends.
        builder.Configuration.AddInMemoryCollection([new(HealthListener.UrlsKey, listener.ServerUrls(builder.Configuration))]);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(
            services => new HealthListenerKestrelDefaults(listener, services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<IStartupFilter>(new HealthPortGate(listener));
    }
}
