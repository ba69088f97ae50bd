using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client.Internal;
using Grpc.Net.Client.Internal.Credentials;
using Grpc.Net.Client.Retries;
using Khcn.Grpc.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grpc.Net.Client;

/// <summary>
/// A long-lived gRPC channel over HTTP/2. Create one per target and share it: calls are multiplexed as HTTP/2
/// streams over pooled connections, and a further connection opens when a server's stream limit is reached.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly ConcurrentDictionary<IMethod, GrpcMethodInfo> _methodInfos = new();
    private readonly Func<IMethod, GrpcMethodInfo> _createMethodInfo;
    private readonly MethodConfigLookup _methodConfigs;
    private readonly bool _disposeHttpInvoker;
    private readonly string _addressPrefix;
    private readonly GrpcCallInvoker _callInvoker;
    private readonly ConcurrentDictionary<string, MessageReadOptions> _readOptionsByEncoding = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MessageWriteOptions> _writeOptionsByEncoding = new(StringComparer.OrdinalIgnoreCase);
    private readonly MessageReadOptions _identityReadOptions;
    private readonly MessageWriteOptions _identityWriteOptions;
    private long _retryBufferBytes;
    private int _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        Options = options;
        _addressPrefix = address.GetLeftPart(UriPartial.Path).TrimEnd('/');

        var credentials = options.Credentials is null ? null : ChannelCredentialsInfo.From(options.Credentials);
        ValidateCredentials(address, options, credentials);
        ChannelCallCredentials = credentials?.CallCredentials;

        (HttpInvoker, HttpClient, _disposeHttpInvoker) = CreateHttpInvoker(options);
        CompressionProviders = options.CompressionProviders is { } providers
            ? new CompressionProviderRegistry(providers)
            : CompressionProviderRegistry.Default;
        if (options.RequestCompression is { } encoding && !CompressionProviders.TryGetProvider(encoding, out _))
        {
            throw new InvalidOperationException($"No compression provider is registered for the request compression '{encoding}'.");
        }

        _identityReadOptions = new MessageReadOptions(options.MaxReceiveMessageSize, null, CompressionProviders);
        _identityWriteOptions = new MessageWriteOptions(null, null, options.MaxSendMessageSize);
        _methodConfigs = new MethodConfigLookup(options.ServiceConfig);
        LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        Logger = LoggerFactory.CreateLogger<GrpcChannel>();
        _createMethodInfo = CreateMethodInfo;
        _callInvoker = new GrpcCallInvoker(this);
    }

    /// <summary>The address calls are sent to (scheme, host, port and optional path base).</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker HttpInvoker { get; }

    /// <summary>Set when the caller supplied an HttpClient: it must be called with ResponseHeadersRead to stream.</summary>
    internal HttpClient? HttpClient { get; }

    internal CallCredentials? ChannelCallCredentials { get; }

    internal CompressionProviderRegistry CompressionProviders { get; }

    internal ILoggerFactory LoggerFactory { get; }

    internal ILogger Logger { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Creates a channel for <paramref name="address"/> with default options.</summary>
    public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

    /// <summary>Creates a channel for <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ForAddress(new Uri(address), channelOptions);
    }

    /// <summary>Creates a channel for <paramref name="address"/> with default options.</summary>
    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    /// <summary>Creates a channel for <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Address '{address}' must be an absolute http:// or https:// URI.", nameof(address));
        }

        return new GrpcChannel(address, channelOptions ?? new GrpcChannelOptions());
    }

    /// <inheritdoc />
    public override CallInvoker CreateCallInvoker()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return _callInvoker;
    }

    /// <summary>Releases the HTTP handler if the channel owns it; calls in flight fail.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_disposeHttpInvoker)
        {
            HttpInvoker.Dispose();
        }
    }

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    internal GrpcMethodInfo GetMethodInfo(IMethod method) => _methodInfos.GetOrAdd(method, _createMethodInfo);

    /// <summary>How to read response messages sent with <paramref name="encoding"/> (the response's grpc-encoding).</summary>
    internal MessageReadOptions GetReadOptions(string? encoding) => IsIdentity(encoding)
        ? _identityReadOptions
        : _readOptionsByEncoding.GetOrAdd(encoding!, static (name, channel) =>
            new MessageReadOptions(channel.Options.MaxReceiveMessageSize, name, channel.CompressionProviders), this);

    /// <summary>
    /// How to write one request message of a call whose request encoding is <paramref name="encoding"/> (null:
    /// uncompressed); a write with <see cref="WriteFlags.NoCompress"/> is sent uncompressed.
    /// </summary>
    internal MessageWriteOptions GetWriteOptions(string? encoding, WriteOptions? writeOptions) =>
        IsIdentity(encoding) || (writeOptions?.Flags & WriteFlags.NoCompress) == WriteFlags.NoCompress
            ? _identityWriteOptions
            : _writeOptionsByEncoding.GetOrAdd(encoding!, static (name, channel) =>
                channel.CompressionProviders.TryGetProvider(name, out var provider)
                    ? new MessageWriteOptions(provider, null, channel.Options.MaxSendMessageSize)
                    : throw new RpcException(new Status(StatusCode.Internal, $"Could not find compression provider for '{name}'.")), this);

    private static bool IsIdentity(string? encoding) =>
        encoding is null || string.Equals(encoding, GrpcProtocolConstants.IdentityEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reserves retry buffer space across the channel (MaxRetryBufferSize). False means: do not buffer, do not retry.</summary>
    internal bool TryReserveRetryBuffer(long bytes)
    {
        if (Options.MaxRetryBufferPerCallSize is { } perCall && bytes > perCall)
        {
            return false;
        }

        var total = Interlocked.Add(ref _retryBufferBytes, bytes);
        if (Options.MaxRetryBufferSize is { } limit && total > limit)
        {
            Interlocked.Add(ref _retryBufferBytes, -bytes);
            return false;
        }

        return true;
    }

    internal void ReleaseRetryBuffer(long bytes) => Interlocked.Add(ref _retryBufferBytes, -bytes);

    private GrpcMethodInfo CreateMethodInfo(IMethod method)
    {
        var uri = new Uri(_addressPrefix + method.FullName, UriKind.Absolute);
        var retryPolicy = _methodConfigs.Find(method)?.RetryPolicy is { } policy
            ? EffectiveRetryPolicy.Create(policy, Options.MaxRetryAttempts)
            : null;
        return new GrpcMethodInfo(method, uri, retryPolicy);
    }

    private static void ValidateCredentials(Uri address, GrpcChannelOptions options, ChannelCredentialsInfo? credentials)
    {
        if (credentials is null)
        {
            return;
        }

        var isHttps = address.Scheme == Uri.UriSchemeHttps;
        if (credentials.IsSecure && !isHttps)
        {
            throw new InvalidOperationException($"Channel is configured with secure credentials but the address '{address}' is not https://.");
        }

        if (!credentials.IsSecure && isHttps)
        {
            throw new InvalidOperationException($"Channel is configured with insecure credentials but the address '{address}' is https://.");
        }

        if (credentials.CallCredentials is not null && !credentials.IsSecure && !options.UnsafeUseInsecureChannelCallCredentials)
        {
            throw new InvalidOperationException("Call credentials over an insecure channel require GrpcChannelOptions.UnsafeUseInsecureChannelCallCredentials.");
        }
    }

    private static (HttpMessageInvoker Invoker, HttpClient? Client, bool Owned) CreateHttpInvoker(GrpcChannelOptions options)
    {
        if (options.HttpClient is not null && options.HttpHandler is not null)
        {
            throw new ArgumentException("GrpcChannelOptions.HttpClient and HttpHandler cannot both be set.");
        }

        if (options.HttpClient is { } client)
        {
            return (client, client, options.DisposeHttpClient);
        }

        if (options.HttpHandler is { } handler)
        {
            return (new HttpMessageInvoker(handler, disposeHandler: options.DisposeHttpClient), null, true);
        }

        return (new HttpMessageInvoker(GrpcSocketsHttpHandlerFactory.Create(), disposeHandler: true), null, true);
    }
}
