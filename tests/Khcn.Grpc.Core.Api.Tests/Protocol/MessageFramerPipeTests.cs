using System.Buffers;
using System.IO.Pipelines;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using static Khcn.Grpc.Core.Api.Tests.Protocol.FrameBytes;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class MessageFramerPipeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static Pipe CreatePipe() => new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));

    private static async Task<Pipe> PipeWithAsync(byte[] bytes, bool complete = true)
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(bytes);
        if (complete)
        {
            await pipe.Writer.CompleteAsync();
        }

        return pipe;
    }

    private static ValueTask<byte[]?> ReadAsync(Pipe pipe, MessageReadOptions? options = null) =>
        MessageFramer.ReadMessageAsync(pipe.Reader, ReadBytes, options ?? MessageReadOptions.Default);

    [Fact]
    public async Task MessageSplitAcrossManyReads_IsReassembled()
    {
        var first = Payload(300);
        var second = Payload(7);
        byte[] wire = [.. Frame(0, first), .. Frame(0, second)];
        var pipe = CreatePipe();

        var writer = Task.Run(async () =>
        {
            foreach (var b in wire)
            {
                await pipe.Writer.WriteAsync(new[] { b });
            }

            await pipe.Writer.CompleteAsync();
        });

        Assert.Equal(first, await ReadAsync(pipe).AsTask().WaitAsync(Timeout));
        Assert.Equal(second, await ReadAsync(pipe).AsTask().WaitAsync(Timeout));
        Assert.Null(await ReadAsync(pipe).AsTask().WaitAsync(Timeout));
        await writer.WaitAsync(Timeout);
    }

    [Fact]
    public async Task ZeroLengthMessage_IsDeliveredAsEmptyPayload()
    {
        var pipe = await PipeWithAsync([.. Frame(0, []), .. Frame(0, [42])]);

        Assert.Equal(Array.Empty<byte>(), await ReadAsync(pipe));
        Assert.Equal(new byte[] { 42 }, await ReadAsync(pipe));
    }

    [Fact]
    public async Task MessageOfExactlyMaxReceiveSize_IsAccepted()
    {
        var payload = Payload(GrpcProtocolConstants.DefaultMaxReceiveMessageSize);
        var pipe = await PipeWithAsync(Frame(0, payload));

        Assert.Equal(payload, await ReadAsync(pipe));
    }

    [Fact]
    public async Task MessageLargerThanMaxReceiveSize_FailsWithResourceExhausted()
    {
        var pipe = await PipeWithAsync(Frame(0, Payload(GrpcProtocolConstants.DefaultMaxReceiveMessageSize + 1)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task OversizedMessage_IsRejectedFromHeaderBeforePayloadArrives()
    {
        var pipe = await PipeWithAsync(Header(0, uint.MaxValue), complete: false);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe).AsTask().WaitAsync(Timeout));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public async Task CompressedFlagWithoutGrpcEncoding_FailsWithInternal(string? encoding)
    {
        var pipe = await PipeWithAsync(Frame(1, Payload(3)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe, new MessageReadOptions(MessageEncoding: encoding)));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task CompressedFlagWithUnknownEncoding_FailsWithUnimplementedListingSupportedEncodings()
    {
        var pipe = await PipeWithAsync(Frame(1, Payload(3)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe, new MessageReadOptions(MessageEncoding: "br")));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("identity,gzip,deflate", ex.Trailers.GetValue(GrpcProtocolConstants.MessageAcceptEncodingHeader));
    }

    [Fact]
    public async Task UncompressedMessageWithUnknownEncoding_IsAccepted()
    {
        var pipe = await PipeWithAsync(Frame(0, [1, 2]));

        Assert.Equal(new byte[] { 1, 2 }, await ReadAsync(pipe, new MessageReadOptions(MessageEncoding: "br")));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(128)]
    [InlineData(255)]
    public async Task CompressedFlagOtherThanZeroOrOne_FailsWithInternal(byte flag)
    {
        var pipe = await PipeWithAsync(Frame(flag, Payload(3)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe, new MessageReadOptions(MessageEncoding: "gzip")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task StreamEndingInsideHeader_FailsWithInternalIncompleteMessage()
    {
        var pipe = await PipeWithAsync([0, 0, 0]);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("Incomplete", ex.Status.Detail);
    }

    [Fact]
    public async Task StreamEndingInsidePayload_FailsWithInternalIncompleteMessage()
    {
        var pipe = await PipeWithAsync([.. Header(0, 10), 1, 2, 3]);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(pipe));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task StreamEndingBetweenMessages_ReturnsNull()
    {
        var pipe = await PipeWithAsync([]);

        Assert.Null(await ReadAsync(pipe));
    }

    [Fact]
    public async Task UncompressedPayload_IsHandedToDeserializerWithoutCopy()
    {
        // A payload larger than one pipe segment stays multi-segment only if the framer slices the pipe buffer.
        var payload = Payload(20_000);
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Header(0, (uint)payload.Length));
        foreach (var chunk in payload.Chunk(1000))
        {
            await pipe.Writer.WriteAsync(chunk);
        }

        await pipe.Writer.CompleteAsync();
        var sawMultiSegment = false;

        var result = await MessageFramer.ReadMessageAsync(
            pipe.Reader,
            context =>
            {
                var sequence = context.PayloadAsReadOnlySequence();
                sawMultiSegment = !sequence.IsSingleSegment;
                return sequence.ToArray();
            },
            MessageReadOptions.Default);

        Assert.True(sawMultiSegment);
        Assert.Equal(payload, result);
    }

    [Fact]
    public async Task DeserializerFailure_FailsWithInternal()
    {
        var pipe = await PipeWithAsync(Frame(0, [1]));

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFramer.ReadMessageAsync<string>(pipe.Reader, _ => throw new FormatException("bad"), MessageReadOptions.Default));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.IsType<FormatException>(ex.Status.DebugException);
    }

    [Fact]
    public async Task ProtobufStyleSerializer_IsFramedWithUncompressedHeader()
    {
        var pipe = CreatePipe();

        await MessageFramer.WriteMessageAsync(pipe.Writer, new byte[] { 9, 8, 7 }, WriteBytesLikeProtobuf, MessageWriteOptions.Default);
        await pipe.Writer.CompleteAsync();
        var wire = (await pipe.Reader.ReadAsync()).Buffer.ToArray();

        Assert.Equal(Frame(0, [9, 8, 7]), wire);
    }

    [Fact]
    public async Task WrittenMessages_ReadBackInOrder()
    {
        var pipe = CreatePipe();
        var messages = new[] { Payload(0), Payload(1), Payload(70_000) };

        foreach (var message in messages)
        {
            MessageFramer.WriteMessage(pipe.Writer, message, WriteBytesAsArray, MessageWriteOptions.Default);
        }

        await pipe.Writer.FlushAsync();
        await pipe.Writer.CompleteAsync();

        foreach (var message in messages)
        {
            Assert.Equal(message, await ReadAsync(pipe));
        }

        Assert.Null(await ReadAsync(pipe));
    }

    [Fact]
    public void SerializerWritingOtherThanDeclaredLength_IsRejected()
    {
        var pipe = CreatePipe();

        Assert.Throws<InvalidOperationException>(() => MessageFramer.WriteMessage(
            pipe.Writer,
            new byte[] { 1, 2 },
            (message, context) =>
            {
                context.SetPayloadLength(5);
                context.GetBufferWriter().Write(message);
                context.Complete();
            },
            MessageWriteOptions.Default));
    }

    [Fact]
    public void SerializerThatNeverCompletes_IsRejected()
    {
        var pipe = CreatePipe();

        Assert.Throws<InvalidOperationException>(() => MessageFramer.WriteMessage(pipe.Writer, new byte[] { 1 }, (_, _) => { }, MessageWriteOptions.Default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SendMessageLargerThanMax_FailsWithResourceExhausted(bool protobufStyle)
    {
        var pipe = CreatePipe();
        Action<byte[], SerializationContext> serializer = protobufStyle ? WriteBytesLikeProtobuf : WriteBytesAsArray;

        var ex = Assert.Throws<RpcException>(() => MessageFramer.WriteMessage(pipe.Writer, Payload(11), serializer, new MessageWriteOptions(MaxMessageSize: 10)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }
}
