using Grpc.Core;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>What the Async*Call wrappers need from a running call (single attempt or retrying).</summary>
internal interface ICallHandle : IDisposable
{
    Task<Metadata> GetResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();
}
