using System.Net;

namespace Grpc.Net.Client.Internal;

/// <summary>Creates the <see cref="SocketsHttpHandler"/> a channel uses when the caller gives none.</summary>
internal static class GrpcSocketsHttpHandlerFactory
{
    public static SocketsHttpHandler Create() => new()
    {
        // A server caps concurrent streams per connection (Kestrel: 100); beyond that, open another connection
        // instead of queueing calls behind the limit.
        EnableMultipleHttp2Connections = true,

        // gRPC connections are long-lived; idle pooling timeouts only cost reconnects.
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,

        // Detect dead peers on long streams (e.g. Watch calls) without pinging idle connections.
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,

        // gRPC compresses per message (grpc-encoding); HTTP-level decompression and cookies do not apply.
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,

        // gRPC has no redirects; leaving the redirect handler out of the pipeline also saves work per call.
        AllowAutoRedirect = false,
    };
}
