using Grpc.Core;
using Khcn.Grpc.Protocol;
using static Khcn.Grpc.Core.Api.Tests.Protocol.FrameBytes;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class MessageFramerStreamTests
{
    [Fact]
    public async Task StreamFraming_WrittenMessagesReadBackInOrder()
    {
        using var stream = new MemoryStream();
        var messages = new[] { Payload(5), Payload(0), Payload(100_000) };
        foreach (var message in messages)
        {
            await MessageFramer.WriteMessageAsync(stream, message, WriteBytesLikeProtobuf, MessageWriteOptions.Default);
        }

        stream.Position = 0;
        foreach (var message in messages)
        {
            Assert.Equal(message, await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));
        }

        Assert.Null(await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));
    }

    [Fact]
    public async Task StreamFraming_MessageSplitAcrossManyReads_IsReassembled()
    {
        var payload = Payload(1000);
        using var stream = new OneByteAtATimeStream([.. Frame(0, payload), .. Frame(0, [])]);

        Assert.Equal(payload, await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));
        Assert.Equal(Array.Empty<byte>(), await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));
        Assert.Null(await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 4, 1, 2 })]
    public async Task StreamFraming_TruncatedMessage_FailsWithInternal(byte[] wire)
    {
        using var stream = new MemoryStream(wire);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task StreamFraming_MessageLargerThanMax_FailsWithResourceExhausted()
    {
        using var stream = new MemoryStream(Frame(0, Payload(GrpcProtocolConstants.DefaultMaxReceiveMessageSize + 1)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task StreamFraming_InvalidCompressedFlag_FailsWithInternal()
    {
        using var stream = new MemoryStream(Frame(7, Payload(1)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MessageFramer.ReadMessageAsync(stream, ReadBytes, MessageReadOptions.Default));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    /// <summary>Returns at most one byte per read, like a network stream under pressure.</summary>
    private sealed class OneByteAtATimeStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);
    }
}
