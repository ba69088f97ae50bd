using Grpc.Core;

namespace Grpc.Net.Client.Internal.Calls;

/// <summary>
/// Static callbacks for the state-taking Async*Call constructors, so wrapping a call allocates no closures.
/// </summary>
internal static class CallHandleCallbacks
{
    public static readonly Func<object, Task<Metadata>> GetResponseHeaders = static state => ((ICallHandle)state).GetResponseHeadersAsync();

    public static readonly Func<object, Status> GetStatus = static state => ((ICallHandle)state).GetStatus();

    public static readonly Func<object, Metadata> GetTrailers = static state => ((ICallHandle)state).GetTrailers();

    public static readonly Action<object> Dispose = static state => ((ICallHandle)state).Dispose();
}
