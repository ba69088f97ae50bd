using System.IO.Pipelines;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using static Khcn.Grpc.Core.Api.Tests.Protocol.FrameBytes;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

/// <summary>
/// <see cref="MessageFramer.ReadSingleMessageAsync"/>: a stream that must carry exactly one message (unary requests),
/// read in one pass when the end of the stream is already buffered, or message first and end later.
/// </summary>
public sealed class MessageFramerSingleMessageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static Pipe CreatePipe() => new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));

    private static ValueTask<(byte[]? Message, bool AdditionalMessage)> ReadSingleAsync(Pipe pipe, MessageReadOptions? options = null) =>
        MessageFramer.ReadSingleMessageAsync(pipe.Reader, ReadBytes, options ?? MessageReadOptions.Default);

    [Fact]
    public async Task SingleMessageThenEnd_BufferedTogether_IsReadInOnePass()
    {
        var payload = Payload(64);
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Frame(0, payload));
        await pipe.Writer.CompleteAsync();

        var (message, additional) = await ReadSingleAsync(pipe).AsTask().WaitAsync(Timeout);

        Assert.Equal(payload, message);
        Assert.False(additional);
    }

    [Fact]
    public async Task EmptyStream_HasNoMessage()
    {
        var pipe = CreatePipe();
        await pipe.Writer.CompleteAsync();

        var (message, additional) = await ReadSingleAsync(pipe).AsTask().WaitAsync(Timeout);

        Assert.Null(message);
        Assert.False(additional);
    }

    [Fact]
    public async Task SecondCompleteMessage_IsReportedAsAdditional()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync((byte[])[.. Frame(0, Payload(3)), .. Frame(0, Payload(4))]);
        await pipe.Writer.CompleteAsync();

        var (message, additional) = await ReadSingleAsync(pipe).AsTask().WaitAsync(Timeout);

        Assert.Equal(Payload(3), message);
        Assert.True(additional);
    }

    [Fact]
    public async Task TruncatedSecondMessage_IsIncompleteMessageInternal()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync((byte[])[.. Frame(0, Payload(3)), 0, 0]);
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => ReadSingleAsync(pipe).AsTask().WaitAsync(Timeout));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("Incomplete message", ex.Status.Detail);
    }

    [Fact]
    public async Task MessageBeforeEndOfStream_WaitsForTheEnd()
    {
        var payload = Payload(10);
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Frame(0, payload));

        // The whole message is there but the stream is still open: the read must not finish yet.
        var read = ReadSingleAsync(pipe).AsTask();
        Assert.False(read.IsCompleted);
        await pipe.Writer.CompleteAsync();
        var (message, additional) = await read.WaitAsync(Timeout);

        Assert.Equal(payload, message);
        Assert.False(additional);
    }

    [Fact]
    public async Task MessageBeforeEndOfStream_ThenSecondMessage_IsReportedAsAdditional()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Frame(0, Payload(5)));

        var read = ReadSingleAsync(pipe).AsTask();
        await pipe.Writer.WriteAsync(Frame(0, Payload(6)));
        await pipe.Writer.CompleteAsync();
        var (message, additional) = await read.WaitAsync(Timeout);

        Assert.Equal(Payload(5), message);
        Assert.True(additional);
    }

    [Fact]
    public async Task OversizedHeader_IsRejectedBeforeThePayloadArrives()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0, 0, 1, 0 }); // announces 256 bytes; the stream stays open

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            ReadSingleAsync(pipe, MessageReadOptions.Default with { MaxMessageSize = 100 }).AsTask().WaitAsync(Timeout));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }
}
