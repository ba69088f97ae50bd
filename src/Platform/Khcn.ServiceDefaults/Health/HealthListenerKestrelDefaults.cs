using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Makes the health ports HTTP/1.1, which is what HTTP probes speak. Registered after the gRPC server's
/// KestrelHttp2Defaults, and <see cref="KestrelServerOptions.ConfigureEndpointDefaults"/> keeps only the last action, so
/// this one also does that job for every other port: HTTP/2-only where Kestrel's Http1AndHttp2 default is left,
/// nothing when <c>Kestrel:EndpointDefaults:Protocols</c> is configured.
/// </summary>
internal sealed class HealthListenerKestrelDefaults(HealthListener listener, IConfiguration configuration)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var protocolsConfigured = !string.IsNullOrEmpty(configuration["Kestrel:EndpointDefaults:Protocols"]);
        options.ConfigureEndpointDefaults(listenOptions =>
        {
            if (listenOptions.IPEndPoint is { } endPoint && listener.Ports.Contains(endPoint.Port))
            {
                listenOptions.Protocols = HttpProtocols.Http1;
            }
            else if (!protocolsConfigured && (listenOptions.Protocols & HttpProtocols.Http1AndHttp2) == HttpProtocols.Http1AndHttp2)
            {
                listenOptions.Protocols = HttpProtocols.Http2;
            }
        });
    }
}
