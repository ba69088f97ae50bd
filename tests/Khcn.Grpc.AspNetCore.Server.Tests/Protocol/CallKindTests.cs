using System.Net;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

public sealed class CallKindTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private RawGrpcClient Client => fixture.Client;

    [Fact]
    public async Task Unary_ReturnsOneMessageThenOkTrailers()
    {
        var response = await Client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "xin chào", Count = 7 }));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentHeaders.ContentType?.MediaType);
        var reply = Assert.Single(response.Replies);
        Assert.Equal("xin chào", reply.Text);
        Assert.Equal(7, reply.Count);
        Assert.Equal("0", Assert.Single(response.TrailerValues("grpc-status")));
    }

    [Fact]
    public async Task ClientStreaming_ReadsEveryRequestMessage()
    {
        var body = GrpcFrames.Concat(
            GrpcFrames.Frame(new EchoRequest { Text = "a" }),
            GrpcFrames.Frame(new EchoRequest { Text = "b" }),
            GrpcFrames.Frame(new EchoRequest { Text = "c" }));

        var response = await Client.CallAsync("ClientStream", body);

        var reply = Assert.Single(response.Replies);
        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Count);
        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task ServerStreaming_WritesEveryResponseMessage()
    {
        var response = await Client.CallAsync("ServerStream", GrpcFrames.Frame(new EchoRequest { Text = "s", Count = 5 }));

        Assert.Equal([0, 1, 2, 3, 4], response.Replies.Select(r => r.Count));
        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task DuplexStreaming_RespondsToEachMessageBeforeTheRequestStreamEnds()
    {
        var content = new StreamingRequestContent();
        using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        var request = Client.CreateRequest("Duplex", content);
        var responseTask = Client.StartAsync(request, timeout.Token);

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "ping-1" }));
        using var response = await responseTask;
        var body = await response.Content.ReadAsStreamAsync(timeout.Token);

        // The first reply arrives while the request stream is still open: true full duplex.
        var first = await ReadOneMessageAsync(body, timeout.Token);
        Assert.Equal("ping-1", EchoReply.Parser.ParseFrom(first).Text);

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "ping-2" }));
        var second = await ReadOneMessageAsync(body, timeout.Token);
        Assert.Equal("ping-2", EchoReply.Parser.ParseFrom(second).Text);

        content.Complete();
        var rest = new MemoryStream();
        await body.CopyToAsync(rest, timeout.Token);
        Assert.Empty(rest.ToArray());
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
    }

    internal static async Task<byte[]> ReadOneMessageAsync(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        await body.ReadExactlyAsync(header, cancellationToken);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        var payload = new byte[length];
        await body.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }
}
