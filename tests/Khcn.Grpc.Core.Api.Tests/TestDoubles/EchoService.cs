using Grpc.Core;
using Khcn.Grpc.Core.Api.Tests.Generated;

namespace Khcn.Grpc.Core.Api.Tests.TestDoubles;

/// <summary>Implements every call kind of the test-only Echo service.</summary>
internal sealed class EchoService : Echo.EchoBase
{
    public override Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        if (request.Text == "fail")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "text must not be 'fail'"));
        }

        context.ResponseTrailers.Add("served-by", context.Method);
        return Task.FromResult(new EchoReply { Text = request.Text });
    }

    public override async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            texts.Add(request.Text);
        }

        return new EchoReply { Text = string.Join("+", texts) };
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Repeat; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = $"{request.Text}#{i}" });
        }
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext())
        {
            await responseStream.WriteAsync(new EchoReply { Text = requestStream.Current.Text.ToUpperInvariant() });
        }
    }
}
