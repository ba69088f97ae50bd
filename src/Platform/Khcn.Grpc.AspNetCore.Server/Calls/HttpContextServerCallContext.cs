using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Compression;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// <see cref="ServerCallContext"/> over one ASP.NET Core request. It owns the call's deadline and
/// cancellation, the negotiated compression, and writing the final status (as trailers, or as a
/// Trailers-Only response when nothing was sent yet).
/// </summary>
internal sealed class HttpContextServerCallContext : ServerCallContext, IAsyncDisposable
{
    private static readonly AuthContext UnauthenticatedContext = new(null, new Dictionary<string, List<AuthProperty>>());

    private readonly MethodOptions _options;
    private readonly string _methodName;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Status _status = Status.DefaultSuccess;
    private WriteOptions? _writeOptions;
    private DateTime _deadline = DateTime.MaxValue;
    private CallDeadline? _callDeadline;
    private CancellationToken? _cancellationToken;
    private ICompressionProvider? _responseCompression;
    private bool _responseCompressionResolved;
    private string? _peer;

    public HttpContextServerCallContext(HttpContext httpContext, MethodOptions options, string methodName)
    {
        HttpContext = httpContext;
        _options = options;
        _methodName = methodName;
        ReadOptions = options.IdentityReadOptions;
    }

    public HttpContext HttpContext { get; }

    public MethodOptions Options => _options;

    /// <summary>Set once response headers or a message have been written: the status then goes in trailers.</summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>Set once the final status has been written; later writes must fail.</summary>
    public bool Completed { get; private set; }

    /// <summary>The final status as written to the client (by the handler or the deadline), null until then.</summary>
    public Status? SentStatus { get; private set; }

    /// <summary>
    /// Serializes response writes with the deadline timer, which may complete the response while the handler
    /// still runs. Null for calls without a deadline, which then pay nothing for it.
    /// </summary>
    public SemaphoreSlim? WriteLock => _callDeadline?.WriteLock;

    /// <summary>How request messages are read: size limit and the negotiated request encoding.</summary>
    public MessageReadOptions ReadOptions { get; private set; }

    public bool DeadlineExceeded => _callDeadline is { IsExceeded: true };

    protected override string MethodCore => _methodName;

    protected override string HostCore => HttpContext.Request.Host.Value ?? string.Empty;

    protected override string PeerCore => _peer ??= FormatPeer(HttpContext.Connection);

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= HeaderMetadata.FromRequestHeaders(HttpContext.Request.Headers);

    // Read on first use: Kestrel's RequestAborted takes a lock and may create its CancellationTokenSource, a cost
    // calls whose handler never looks at the token should not pay.
    protected override CancellationToken CancellationTokenCore => _cancellationToken ??= HttpContext.RequestAborted;

    /// <summary>
    /// Token for reading the request body: the deadline's when there is one, otherwise none, because Kestrel already
    /// fails a pending body read when the client resets the stream.
    /// </summary>
    public CancellationToken BodyReadToken => _callDeadline?.Token ?? default;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    protected override AuthContext AuthContextCore => UnauthenticatedContext;

    /// <summary>
    /// Reads the call's <c>grpc-timeout</c> and <c>grpc-encoding</c>. Returns false (with the status to
    /// send) when the request uses a message encoding this server cannot decode.
    /// </summary>
    public bool TryInitialize(out Status failure)
    {
        var headers = HttpContext.Request.Headers;
        var timeoutHeader = headers[GrpcProtocolConstants.TimeoutHeader];
        if (timeoutHeader.Count > 0 && GrpcTimeout.TryParse(timeoutHeader.ToString(), out var timeout))
        {
            StartDeadline(timeout);
        }

        var encoding = headers[GrpcProtocolConstants.MessageEncodingHeader].ToString();
        if (encoding.Length > 0 && encoding != GrpcProtocolConstants.IdentityEncoding)
        {
            if (!_options.CompressionProviders.TryGetProvider(encoding, out _))
            {
                // The spec asks for UNIMPLEMENTED plus the encodings we do support.
                HttpContext.Response.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader] = _options.AcceptEncodingHeader;
                failure = new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {_options.AcceptEncodingHeader}");
                return false;
            }

            ReadOptions = _options.IdentityReadOptions with { MessageEncoding = encoding };
        }

        failure = default;
        return true;
    }

    private void StartDeadline(TimeSpan timeout)
    {
        var now = DateTime.UtcNow;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;

        // CancelAfter cannot wait longer than ~49 days; such deadlines cannot matter for one call.
        if (timeout.TotalMilliseconds >= uint.MaxValue - 1)
        {
            return;
        }

        _callDeadline = new CallDeadline(this, timeout);
        _cancellationToken = _callDeadline.Token;
    }

    /// <summary>
    /// The compression for response messages: the configured algorithm when the client accepts it,
    /// otherwise none. Resolved once, before the response headers are sent.
    /// </summary>
    public ICompressionProvider? ResponseCompression
    {
        get
        {
            if (!_responseCompressionResolved)
            {
                _responseCompression = ResolveResponseCompression();
                _responseCompressionResolved = true;
            }

            return _responseCompression;
        }
    }

    private ICompressionProvider? ResolveResponseCompression()
    {
        var algorithm = _options.ResponseCompressionAlgorithm;
        if (algorithm is null || !_options.CompressionProviders.TryGetProvider(algorithm, out var provider))
        {
            return null;
        }

        var accepted = HttpContext.Request.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader].ToString();
        return AcceptEncodingContains(accepted, algorithm) ? provider : null;
    }

    private static bool AcceptEncodingContains(string acceptEncoding, string encoding)
    {
        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan(range).Trim().Equals(encoding, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the gRPC response headers once, before anything is sent.</summary>
    public void PrepareResponseHeaders()
    {
        var response = HttpContext.Response;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        var compression = ResponseCompression;
        if (compression is not null)
        {
            response.Headers[GrpcProtocolConstants.MessageEncodingHeader] = compression.EncodingName;

            // Only worth its bytes when compression is in play; the UNIMPLEMENTED encoding path always sends it.
            response.Headers[GrpcProtocolConstants.MessageAcceptEncodingHeader] = _options.AcceptEncodingHeader;
        }
    }

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (ResponseStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        }

        if (responseHeaders is not null)
        {
            HeaderMetadata.AddTo(responseHeaders, HttpContext.Response.Headers);
        }

        var writeLock = WriteLock;
        if (writeLock is not null)
        {
            await writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            if (Completed)
            {
                throw new InvalidOperationException("Response headers cannot be sent after the call has completed.");
            }

            MarkResponseStarted();
            await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            writeLock?.Release();
        }
    }

    /// <summary>Records that the response has begun, so the status must be sent as trailers.</summary>
    public void MarkResponseStarted() => ResponseStarted = true;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options)
        => throw new NotSupportedException("Context propagation tokens are not supported by this server; pass Deadline and CancellationToken explicitly.");

    /// <summary>
    /// Sends the final status: in the trailing HEADERS frame when the response has started, otherwise as a
    /// Trailers-Only response (status in the only HEADERS frame, with END_STREAM).
    /// </summary>
    public ValueTask CompleteWithStatusAsync(Status status, Metadata? extraTrailers)
    {
        if (WriteLock is null)
        {
            CompleteWithStatusUnlocked(status, extraTrailers);
            return default;
        }

        return CompleteLockedAsync(status, extraTrailers);
    }

    private async ValueTask CompleteLockedAsync(Status status, Metadata? extraTrailers)
    {
        await WriteLock!.WaitAsync().ConfigureAwait(false);
        try
        {
            CompleteWithStatusUnlocked(status, extraTrailers);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Writes the final status; callers hold <see cref="WriteLock"/> when there is one.</summary>
    public void CompleteWithStatusUnlocked(Status status, Metadata? extraTrailers)
    {
        if (Completed)
        {
            return;
        }

        Completed = true;
        SentStatus = status;
        var response = HttpContext.Response;
        IHeaderDictionary target;
        if (ResponseStarted)
        {
            target = HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                ?? throw new InvalidOperationException("The transport does not support response trailers (HTTP/2 is required).");
        }
        else
        {
            if (!response.HasStarted)
            {
                response.StatusCode = StatusCodes.Status200OK;
                if (string.IsNullOrEmpty(response.ContentType))
                {
                    response.ContentType = GrpcProtocolConstants.GrpcContentType;
                }
            }

            target = response.Headers;
        }

        target[GrpcProtocolConstants.StatusTrailer] = StatusCodeStrings.Get(status.StatusCode);
        if (!string.IsNullOrEmpty(status.Detail))
        {
            target[GrpcProtocolConstants.MessageTrailer] = GrpcMessageText.Encode(status.Detail);
        }

        if (_responseTrailers is { Count: > 0 })
        {
            HeaderMetadata.AddTo(_responseTrailers, target);
        }

        if (extraTrailers is { Count: > 0 })
        {
            HeaderMetadata.AddTo(extraTrailers, target);
        }
    }

    private static string FormatPeer(ConnectionInfo connection)
    {
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{connection.RemotePort}"
            : $"ipv4:{address}:{connection.RemotePort}";
    }

    public ValueTask DisposeAsync() => _callDeadline?.DisposeAsync() ?? default;
}
