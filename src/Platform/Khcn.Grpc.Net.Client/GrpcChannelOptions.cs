using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.Compression;
using Microsoft.Extensions.Logging;

namespace Grpc.Net.Client;

/// <summary>Options for <see cref="GrpcChannel"/>; same names and defaults as the official Grpc.Net.Client.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Handler used to send calls. When neither this nor <see cref="HttpClient"/> is set the channel creates
    /// (and owns) a <see cref="SocketsHttpHandler"/> tuned for gRPC.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Client used to send calls. Its <see cref="System.Net.Http.HttpClient.Timeout"/> still applies to every call,
    /// so set it to <see cref="Timeout.InfiniteTimeSpan"/> for long-lived streams and use deadlines instead.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Whether disposing the channel disposes <see cref="HttpHandler"/> / <see cref="HttpClient"/>.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>Largest response message accepted (default 4 MiB); <c>null</c> means unlimited. Larger messages fail with RESOURCE_EXHAUSTED.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent; <c>null</c> means unlimited. Larger messages fail with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compression providers for requests and responses (default: gzip and deflate).</summary>
    public IList<ICompressionProvider>? CompressionProviders { get; set; }

    /// <summary>Channel credentials. <see cref="ChannelCredentials.Insecure"/> requires an http:// address.</summary>
    public ChannelCredentials? Credentials { get; set; }

    /// <summary>Service config with per-method retry policies.</summary>
    public ServiceConfig? ServiceConfig { get; set; }

    /// <summary>Cap on attempts of any retry policy (default 5); <c>null</c> means no cap.</summary>
    public int? MaxRetryAttempts { get; set; } = 5;

    /// <summary>Total bytes of request messages the channel may hold for possible retries (default 16 MiB).</summary>
    public long? MaxRetryBufferSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Bytes of request messages one call may hold for possible retries (default 1 MiB).</summary>
    public long? MaxRetryBufferPerCallSize { get; set; } = 1024 * 1024;

    /// <summary>Logger factory for channel and call logs.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throw <see cref="OperationCanceledException"/> instead of an RpcException with CANCELLED/DEADLINE_EXCEEDED
    /// when the caller's token or the deadline ends the call.</summary>
    public bool ThrowOperationCanceledOnCancellation { get; set; }

    /// <summary>Allows call credentials over insecure (http://) channels.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }

    /// <summary>
    /// Khcn extension: compress every request message with this encoding (e.g. "gzip"). A per-call
    /// <c>grpc-internal-encoding-request</c> header overrides it, like in the official client.
    /// </summary>
    public string? RequestCompression { get; set; }
}
