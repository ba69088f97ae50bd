namespace Grpc.Core;

/// <summary>
/// Context of a server-side call. Public members delegate to protected abstract *Core members so
/// transports implement the context while handlers see a stable API.
/// </summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? _userState;

    protected ServerCallContext()
    {
    }

    /// <summary>Full method name, e.g. "/pkg.Service/Method".</summary>
    public string Method => MethodCore;

    /// <summary>Value of the ":authority" pseudo header.</summary>
    public string Host => HostCore;

    /// <summary>Address of the remote endpoint, e.g. "ipv4:127.0.0.1:5000".</summary>
    public string Peer => PeerCore;

    /// <summary>Deadline of the call in UTC (<see cref="DateTime.MaxValue"/> if none).</summary>
    public DateTime Deadline => DeadlineCore;

    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Signalled when the call is cancelled, its deadline passes or the client disconnects.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    /// <summary>Trailers to send when the call completes.</summary>
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>Status to send when the handler completes without throwing.</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    public WriteOptions? WriteOptions
    {
        get => WriteOptionsCore;
        set => WriteOptionsCore = value;
    }

    public AuthContext AuthContext => AuthContextCore;

    /// <summary>Per-call bag for interceptors and handlers to share state.</summary>
    public IDictionary<object, object> UserState => UserStateCore;

    /// <summary>Sends the response headers now; may be called at most once and before the first message.</summary>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    /// <summary>Creates a token that lets a child call inherit this call's deadline and cancellation.</summary>
    public ContextPropagationToken CreatePropagationToken(ContextPropagationOptions? options = null) => CreatePropagationTokenCore(options);

    protected abstract string MethodCore { get; }

    protected abstract string HostCore { get; }

    protected abstract string PeerCore { get; }

    protected abstract DateTime DeadlineCore { get; }

    protected abstract Metadata RequestHeadersCore { get; }

    protected abstract CancellationToken CancellationTokenCore { get; }

    protected abstract Metadata ResponseTrailersCore { get; }

    protected abstract Status StatusCore { get; set; }

    protected abstract WriteOptions? WriteOptionsCore { get; set; }

    protected abstract AuthContext AuthContextCore { get; }

    protected virtual IDictionary<object, object> UserStateCore => _userState ??= [];

    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);

    protected abstract ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options);
}
