using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Testing.Standard.V1;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>The application service the tests discover through reflection and call by name.</summary>
public sealed class ProbeServiceImpl : ProbeService.ProbeServiceBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply
        {
            Envelope = new EchoReply.Types.Envelope
            {
                Greeting = new Greeting { Text = $"Xin chào, {request.Name}!", Mood = request.Mood },
                SentAt = Timestamp.FromDateTime(DateTime.UtcNow),
            },
            Channel = EchoReply.Types.Channel.Grpc,
        });
}
