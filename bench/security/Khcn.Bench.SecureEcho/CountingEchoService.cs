using Grpc.Core;
using Khcn.Bench.V1;

namespace Khcn.Bench.SecureEcho;

/// <summary>
/// The bench's Echo, counting the calls it answered: h2load sees HTTP 200 even when a call is refused (grpc-status
/// travels in the trailers), so run.sh compares this count with h2load's to prove every measured call was admitted.
/// </summary>
public sealed class CountingEchoService : EchoService.EchoServiceBase
{
    private static long answered;

    public static long Answered => Interlocked.Read(ref answered);

    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref answered);
        return Task.FromResult(new EchoResponse { Payload = request.Payload });
    }
}
