using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Options;

/// <summary>
/// Kestrel only speaks HTTP/1.1 on a cleartext endpoint that allows both HTTP/1.1 and HTTP/2 (its default;
/// HTTP/2 there needs ALPN), so <c>dotnet run --urls http://...</c> could not serve gRPC. Endpoints left at such
/// a default become HTTP/2-only: prior-knowledge h2c on cleartext, ALPN "h2" with TLS. This is what the official
/// templates do through <c>Kestrel:EndpointDefaults:Protocols = Http2</c>. Endpoints configured explicitly in
/// code (<c>Listen(..., o =&gt; o.Protocols = ...)</c>) keep their setting because it is applied afterwards,
/// and an explicit <c>Kestrel:EndpointDefaults:Protocols</c> in configuration disables this default entirely.
/// </summary>
internal sealed class KestrelHttp2Defaults(IConfiguration? configuration = null) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        if (!string.IsNullOrEmpty(configuration?["Kestrel:EndpointDefaults:Protocols"]))
        {
            return;
        }

        options.ConfigureEndpointDefaults(listenOptions =>
        {
            if ((listenOptions.Protocols & HttpProtocols.Http1AndHttp2) == HttpProtocols.Http1AndHttp2)
            {
                listenOptions.Protocols = HttpProtocols.Http2;
            }
        });
    }
}
