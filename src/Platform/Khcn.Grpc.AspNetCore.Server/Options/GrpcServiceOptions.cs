using System.IO.Compression;
using Grpc.Net.Compression;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server;

/// <summary>
/// Options that configure how gRPC services are hosted. Global options are set through
/// <c>AddGrpc(options => ...)</c>; per-service overrides through <c>AddServiceOptions&lt;TService&gt;</c>.
/// </summary>
public class GrpcServiceOptions
{
    internal bool MaxReceiveMessageSizeSpecified;
    internal bool MaxSendMessageSizeSpecified;
    internal bool EnableDetailedErrorsSpecified;

    private int? _maxReceiveMessageSize = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;
    private int? _maxSendMessageSize = GrpcProtocolConstants.DefaultMaxReceiveMessageSize;
    private bool? _enableDetailedErrors;

    /// <summary>Maximum message size in bytes the server accepts (default 4 MiB; null means unlimited).</summary>
    public int? MaxReceiveMessageSize
    {
        get => _maxReceiveMessageSize;
        set { _maxReceiveMessageSize = value; MaxReceiveMessageSizeSpecified = true; }
    }

    /// <summary>Maximum message size in bytes the server sends (default 4 MiB; null means unlimited).</summary>
    public int? MaxSendMessageSize
    {
        get => _maxSendMessageSize;
        set { _maxSendMessageSize = value; MaxSendMessageSizeSpecified = true; }
    }

    /// <summary>When true, exception messages are returned to the client in <c>grpc-message</c>.</summary>
    public bool? EnableDetailedErrors
    {
        get => _enableDetailedErrors;
        set { _enableDetailedErrors = value; EnableDetailedErrorsSpecified = true; }
    }

    /// <summary>When true, calls to unknown services are not answered with UNIMPLEMENTED by this server.</summary>
    /// <remarks>Global only: unknown services have no per-service options to fall back from.</remarks>
    public bool? IgnoreUnknownServices { get; set; }

    /// <summary>Encoding used to compress responses when the client accepts it (e.g. "gzip").</summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>Compression level used with <see cref="ResponseCompressionAlgorithm"/>.</summary>
    public CompressionLevel? ResponseCompressionLevel { get; set; }

    /// <summary>Compression providers available for requests and responses. Defaults to gzip and deflate.</summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = new List<ICompressionProvider>();

    /// <summary>Server interceptors, run in registration order around every call.</summary>
    public InterceptorCollection Interceptors { get; } = new();
}

/// <summary>Options for one service type; unset values fall back to the global <see cref="GrpcServiceOptions"/>.</summary>
/// <typeparam name="TService">The service implementation type.</typeparam>
public class GrpcServiceOptions<TService> : GrpcServiceOptions where TService : class
{
}
