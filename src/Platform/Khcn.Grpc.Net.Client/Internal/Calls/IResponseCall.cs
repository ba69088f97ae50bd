using Grpc.Core;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>
/// A started call (single attempt or retrying) as every Async*Call wrapper sees it: the single response, the
/// response stream and the handle, so the invoker builds all four call kinds from one started call.
/// </summary>
internal interface IResponseCall<TResponse> : IAsyncStreamReader<TResponse>, ICallHandle
{
    Task<TResponse> GetResponseAsync();
}
