using System.Buffers.Binary;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

/// <summary>
/// A unary request carries exactly one message. The server parses it in the same pass that sees the end of the
/// request when both arrive together, and falls back to waiting for the end when the message comes first; both
/// paths must enforce the same rules.
/// </summary>
public sealed class SingleRequestMessageTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private const int Internal = 13;
    private const int ResourceExhausted = 8;

    private RawGrpcClient Client => fixture.Client;

    [Fact]
    public async Task UnaryWithTwoRequestMessages_ReturnsInternal()
    {
        var body = GrpcFrames.Concat(GrpcFrames.Frame(new EchoRequest { Text = "one" }), GrpcFrames.Frame(new EchoRequest { Text = "two" }));

        var response = await Client.CallAsync("Unary", body);

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("Additional message", response.GrpcMessage);
        Assert.Empty(response.Replies);
    }

    [Fact]
    public async Task UnaryWithTruncatedSecondMessage_ReturnsInternal()
    {
        var body = GrpcFrames.Concat(GrpcFrames.Frame(new EchoRequest { Text = "one" }), [0, 0, 0]);

        var response = await Client.CallAsync("Unary", body);

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("Incomplete message", response.GrpcMessage);
    }

    [Fact]
    public async Task UnaryRequestMessageSentBeforeEndOfStream_IsAnsweredAfterTheEnd()
    {
        var content = new StreamingRequestContent();
        var responseTask = Client.SendAsync(Client.CreateRequest("Unary", content));

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "đến trước" }));
        content.Complete();
        var response = await responseTask;

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("đến trước", Assert.Single(response.Replies).Text);
    }

    [Fact]
    public async Task UnarySecondMessageSentSeparately_ReturnsInternal()
    {
        var content = new StreamingRequestContent();
        var responseTask = Client.SendAsync(Client.CreateRequest("Unary", content));

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "one" }));
        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "two" }));
        content.Complete();
        var response = await responseTask;

        Assert.Equal(Internal, response.GrpcStatus);
        Assert.Contains("Additional message", response.GrpcMessage);
    }

    [Fact]
    public async Task OversizedUnaryMessage_IsRejectedFromItsHeaderBeforeTheRequestEnds()
    {
        var content = new StreamingRequestContent();
        using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        var responseTask = Client.StartAsync(Client.CreateRequest("Unary", content), timeout.Token);

        // Only the 5-byte header announcing 5 MiB (over the 4 MiB default); the request stream stays open.
        var header = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), 5 * 1024 * 1024);
        await content.WriteAsync(header);

        using var response = await responseTask;
        Assert.Equal(ResourceExhausted.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(response.Headers.GetValues("grpc-status")));
        content.Complete();
    }
}
