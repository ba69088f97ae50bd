using Grpc.Core;
using Grpc.Net.Client.Retries;
using Khcn.Grpc.Diagnostics;

namespace Grpc.Net.Client.Internal;

/// <summary>Per-method data computed once per channel and reused by every call of that method.</summary>
internal sealed class GrpcMethodInfo(IMethod method, Uri requestUri, EffectiveRetryPolicy? retryPolicy)
{
    public IMethod Method { get; } = method;

    /// <summary>Absolute request URI: channel address + "/{service}/{method}".</summary>
    public Uri RequestUri { get; } = requestUri;

    /// <summary>Retry policy from the service config; null when calls of this method are not retried.</summary>
    public EffectiveRetryPolicy? RetryPolicy { get; } = retryPolicy;

    /// <summary>Name of the call's span, <c>{rpc.service}/{rpc.method}</c>.</summary>
    public string SpanName { get; } = RpcSemanticConventions.SpanName(method);

    /// <summary>The server.address tag: the host the channel targets.</summary>
    public string ServerAddress { get; } = requestUri.IdnHost;

    /// <summary>The server.port tag, boxed once rather than on every recorded call.</summary>
    public object ServerPort { get; } = requestUri.Port;
}
