using Grpc.Core;
using Khcn.Bench.V1;

namespace Khcn.Bench.Server;

/// <summary>The benchmark work on our server: parse the request, answer with the same payload.</summary>
public sealed class EchoBenchService : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoResponse { Payload = request.Payload });
}
