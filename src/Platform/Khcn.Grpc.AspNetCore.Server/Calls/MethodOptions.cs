using System.IO.Compression;
using Khcn.Grpc.Protocol;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// Effective options of one service (global options overlaid with per-service options), resolved once at
/// startup so calls never merge options or build lookups on the hot path.
/// </summary>
internal sealed class MethodOptions
{
    private MethodOptions(
        int? maxReceiveMessageSize,
        int? maxSendMessageSize,
        bool enableDetailedErrors,
        string? responseCompressionAlgorithm,
        CompressionLevel? responseCompressionLevel,
        CompressionProviderRegistry compressionProviders,
        IReadOnlyList<InterceptorRegistration> interceptors)
    {
        MaxReceiveMessageSize = maxReceiveMessageSize;
        MaxSendMessageSize = maxSendMessageSize;
        EnableDetailedErrors = enableDetailedErrors;
        ResponseCompressionAlgorithm = responseCompressionAlgorithm;
        ResponseCompressionLevel = responseCompressionLevel;
        CompressionProviders = compressionProviders;
        Interceptors = interceptors;
        IdentityReadOptions = new MessageReadOptions(maxReceiveMessageSize, null, compressionProviders);
        UncompressedWriteOptions = new MessageWriteOptions(null, null, maxSendMessageSize);
        if (responseCompressionAlgorithm is not null && compressionProviders.TryGetProvider(responseCompressionAlgorithm, out var provider))
        {
            CompressedWriteOptions = new MessageWriteOptions(provider, responseCompressionLevel, maxSendMessageSize);
        }
    }

    public int? MaxReceiveMessageSize { get; }

    public int? MaxSendMessageSize { get; }

    public bool EnableDetailedErrors { get; }

    public string? ResponseCompressionAlgorithm { get; }

    public CompressionLevel? ResponseCompressionLevel { get; }

    public CompressionProviderRegistry CompressionProviders { get; }

    /// <summary>Read options of calls without request compression, shared so those calls allocate none.</summary>
    public MessageReadOptions IdentityReadOptions { get; }

    public IReadOnlyList<InterceptorRegistration> Interceptors { get; }

    /// <summary>Write options for uncompressed messages, shared by every call.</summary>
    public MessageWriteOptions UncompressedWriteOptions { get; }

    /// <summary>Write options for messages compressed with <see cref="ResponseCompressionAlgorithm"/>; null when none is configured.</summary>
    public MessageWriteOptions? CompressedWriteOptions { get; }

    /// <summary>Value of <c>grpc-accept-encoding</c> advertising what this server can decompress.</summary>
    public string AcceptEncodingHeader => CompressionProviders.AcceptEncoding;

    public static MethodOptions Create(GrpcServiceOptions global, GrpcServiceOptions? service)
    {
        var providers = new CompressionProviderRegistry(
            service?.CompressionProviders is { Count: > 0 } serviceProviders ? serviceProviders : global.CompressionProviders);

        // Service interceptors run after (inside) the global ones, as in the official server.
        var interceptors = new List<InterceptorRegistration>(global.Interceptors);
        if (service is not null)
        {
            interceptors.AddRange(service.Interceptors);
        }

        return new MethodOptions(
            service is { MaxReceiveMessageSizeSpecified: true } ? service.MaxReceiveMessageSize : global.MaxReceiveMessageSize,
            service is { MaxSendMessageSizeSpecified: true } ? service.MaxSendMessageSize : global.MaxSendMessageSize,
            (service is { EnableDetailedErrorsSpecified: true } ? service.EnableDetailedErrors : global.EnableDetailedErrors) ?? false,
            service?.ResponseCompressionAlgorithm ?? global.ResponseCompressionAlgorithm,
            service?.ResponseCompressionLevel ?? global.ResponseCompressionLevel,
            providers,
            interceptors);
    }
}
