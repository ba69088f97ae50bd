using Google.Protobuf;
using Grpc.Core;
using Khcn.Grpc.Interop.Testing;
using Khcn.Grpc.Interop.Tests.Wire;

namespace Khcn.Grpc.Interop.Tests.Cases;

/// <summary>
/// The interop client procedures of the gRPC interop test descriptions, written with our
/// GrpcChannel and the Grpc.Tools stubs, asserting what each description's "Client asserts" says.
/// </summary>
public sealed class OurClientInteropCases(
    TestService.TestServiceClient client,
    UnimplementedService.UnimplementedServiceClient unimplementedService,
    ResponseFrameRecordingHandler recorder)
{
    private const string EchoInitialKey = "x-grpc-test-echo-initial";
    private const string EchoInitialValue = "test_initial_metadata_value";
    private const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";
    private const string RequestCompressionHeader = "grpc-internal-encoding-request";
    private static readonly byte[] EchoTrailingValue = [0xab, 0xab, 0xab];

    // Generous: the machine running the tests may be loaded; no case relies on speed.
    private static DateTime Deadline => DateTime.UtcNow.AddMinutes(1);

    public Task RunAsync(string caseName) => caseName switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        "custom_metadata" => CustomMetadataAsync(),
        "status_code_and_message" => EchoStatusAsync(2, "test status message"),
        "special_status_message" => SpecialStatusMessageAsync(),
        "unimplemented_service" => UnimplementedServiceAsync(),
        "unimplemented_method" => UnimplementedMethodAsync(),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "client_compressed_streaming" => ClientCompressedStreamingAsync(),
        "server_compressed_streaming" => ServerCompressedStreamingAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "Unknown interop case."),
    };

    private async Task EmptyUnaryAsync()
    {
        var response = await client.EmptyCallAsync(new Empty(), deadline: Deadline);
        Assert.NotNull(response);
        Assert.Equal(0, response.CalculateSize());
    }

    private async Task LargeUnaryAsync() =>
        AssertLargeResponse(await client.UnaryCallAsync(LargeRequest(), deadline: Deadline));

    private async Task ClientStreamingAsync()
    {
        using var call = client.StreamingInputCall(deadline: Deadline);
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = ZeroPayload(size) });
        }

        await call.RequestStream.CompleteAsync();
        Assert.Equal(74922, (await call.ResponseAsync).AggregatedPayloadSize);
    }

    private async Task ServerStreamingAsync()
    {
        int[] sizes = [31415, 9, 2653, 58979];
        using var call = client.StreamingOutputCall(StreamingRequest(sizes), deadline: Deadline);
        Assert.Equal(sizes, await ReadAllSizesAsync(call.ResponseStream));
    }

    private async Task PingPongAsync()
    {
        int[] requestSizes = [27182, 8, 1828, 45904];
        int[] responseSizes = [31415, 9, 2653, 58979];
        using var call = client.FullDuplexCall(deadline: Deadline);
        for (var i = 0; i < requestSizes.Length; i++)
        {
            await call.RequestStream.WriteAsync(StreamingRequest([responseSizes[i]], requestSizes[i]));
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), $"no response {i + 1}");
            Assert.Equal(responseSizes[i], call.ResponseStream.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None), "unexpected extra response");
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task EmptyStreamAsync()
    {
        using var call = client.FullDuplexCall(deadline: Deadline);
        await call.RequestStream.CompleteAsync();
        Assert.Empty(await ReadAllSizesAsync(call.ResponseStream));
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.StreamingInputCall(deadline: Deadline, cancellationToken: cancellation.Token);
        cancellation.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = client.FullDuplexCall(deadline: Deadline, cancellationToken: cancellation.Token);
        await call.RequestStream.WriteAsync(StreamingRequest([31415], 27182));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(31415, call.ResponseStream.Current.Payload.Body.Length);

        cancellation.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        using var call = client.FullDuplexCall(deadline: DateTime.UtcNow.AddMilliseconds(1));
        try
        {
            await call.RequestStream.WriteAsync(StreamingRequest([], 27182));
        }
        catch (RpcException writeError)
        {
            // The deadline may pass before the write: then the write reports it.
            Assert.Equal(StatusCode.DeadlineExceeded, writeError.StatusCode);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private async Task CustomMetadataAsync()
    {
        var metadata = new Metadata { { EchoInitialKey, EchoInitialValue }, { EchoTrailingKey, EchoTrailingValue } };

        using (var unary = client.UnaryCallAsync(LargeRequest(), metadata, Deadline))
        {
            AssertLargeResponse(await unary.ResponseAsync);
            AssertEchoedMetadata(await unary.ResponseHeadersAsync, unary.GetTrailers());
        }

        using var duplex = client.FullDuplexCall(metadata, Deadline);
        await duplex.RequestStream.WriteAsync(StreamingRequest([314159], 271828));
        await duplex.RequestStream.CompleteAsync();
        Assert.Equal([314159], await ReadAllSizesAsync(duplex.ResponseStream));
        AssertEchoedMetadata(await duplex.ResponseHeadersAsync, duplex.GetTrailers());
    }

    private static void AssertEchoedMetadata(Metadata headers, Metadata trailers)
    {
        Assert.Equal(EchoInitialValue, headers.GetValue(EchoInitialKey));
        Assert.Equal(EchoTrailingValue, trailers.GetValueBytes(EchoTrailingKey));
    }

    private async Task SpecialStatusMessageAsync()
    {
        await EchoStatusAsync(2, "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001F608\t\n");
        await EchoStatusAsync(2, "Không tìm thấy tỉnh Quảng Trị");
    }

    private async Task EchoStatusAsync(int code, string message)
    {
        var status = new EchoStatus { Code = code, Message = message };

        var unaryError = await Assert.ThrowsAsync<RpcException>(
            () => client.UnaryCallAsync(new SimpleRequest { ResponseStatus = status }, deadline: Deadline).ResponseAsync);
        Assert.Equal((StatusCode)code, unaryError.StatusCode);
        Assert.Equal(message, unaryError.Status.Detail);

        using var duplex = client.FullDuplexCall(deadline: Deadline);
        await duplex.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = status });
        await duplex.RequestStream.CompleteAsync();
        var duplexError = await Assert.ThrowsAsync<RpcException>(() => duplex.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal((StatusCode)code, duplexError.StatusCode);
        Assert.Equal(message, duplexError.Status.Detail);
    }

    private async Task UnimplementedServiceAsync()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => unimplementedService.UnimplementedCallAsync(new Empty(), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private async Task UnimplementedMethodAsync()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => client.UnimplementedCallAsync(new Empty(), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private async Task ClientCompressedUnaryAsync()
    {
        var probe = await Assert.ThrowsAsync<RpcException>(
            () => client.UnaryCallAsync(LargeRequest(expectCompressed: true), deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, probe.StatusCode);

        AssertLargeResponse(await client.UnaryCallAsync(LargeRequest(expectCompressed: true), GzipRequests(), Deadline));
        AssertLargeResponse(await client.UnaryCallAsync(LargeRequest(expectCompressed: false), deadline: Deadline));
    }

    private async Task ServerCompressedUnaryAsync()
    {
        foreach (var compressed in new[] { true, false })
        {
            var callId = Guid.NewGuid().ToString("N");
            var request = LargeRequest();
            request.ResponseCompressed = new BoolValue { Value = compressed };
            AssertLargeResponse(await client.UnaryCallAsync(request, TaggedCall(callId), Deadline));
            Assert.Equal([compressed], recorder.ResponseFlags(callId));
        }
    }

    private async Task ClientCompressedStreamingAsync()
    {
        using (var probeCall = client.StreamingInputCall(deadline: Deadline))
        {
            await probeCall.RequestStream.WriteAsync(InputRequest(27182, expectCompressed: true));
            var probe = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await probeCall.RequestStream.CompleteAsync();
                await probeCall.ResponseAsync;
            });
            Assert.Equal(StatusCode.InvalidArgument, probe.StatusCode);
        }

        using var call = client.StreamingInputCall(GzipRequests(), Deadline);
        await call.RequestStream.WriteAsync(InputRequest(27182, expectCompressed: true));
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync(InputRequest(45904, expectCompressed: false));
        await call.RequestStream.CompleteAsync();
        Assert.Equal(73086, (await call.ResponseAsync).AggregatedPayloadSize);
    }

    private async Task ServerCompressedStreamingAsync()
    {
        var callId = Guid.NewGuid().ToString("N");
        int[] sizes = [31415, 92653];
        var request = StreamingRequest(sizes);
        request.ResponseParameters[0].Compressed = new BoolValue { Value = true };
        request.ResponseParameters[1].Compressed = new BoolValue { Value = false };
        using var call = client.StreamingOutputCall(request, TaggedCall(callId), Deadline);
        Assert.Equal(sizes, await ReadAllSizesAsync(call.ResponseStream));
        Assert.Equal([true, false], recorder.ResponseFlags(callId));
    }

    private static Metadata GzipRequests() => new() { { RequestCompressionHeader, "gzip" } };

    private static Metadata TaggedCall(string callId) => new() { { ResponseFrameRecordingHandler.CallIdHeader, callId } };

    private static Payload ZeroPayload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    private static SimpleRequest LargeRequest(bool? expectCompressed = null)
    {
        var request = new SimpleRequest { ResponseSize = 314159, Payload = ZeroPayload(271828) };
        if (expectCompressed is { } expected)
        {
            request.ExpectCompressed = new BoolValue { Value = expected };
        }

        return request;
    }

    private static StreamingInputCallRequest InputRequest(int size, bool expectCompressed) =>
        new() { Payload = ZeroPayload(size), ExpectCompressed = new BoolValue { Value = expectCompressed } };

    private static StreamingOutputCallRequest StreamingRequest(int[] responseSizes, int payloadSize = 0)
    {
        var request = new StreamingOutputCallRequest();
        foreach (var size in responseSizes)
        {
            request.ResponseParameters.Add(new ResponseParameters { Size = size });
        }

        if (payloadSize > 0)
        {
            request.Payload = ZeroPayload(payloadSize);
        }

        return request;
    }

    private static void AssertLargeResponse(SimpleResponse response)
    {
        Assert.Equal(314159, response.Payload.Body.Length);
        Assert.True(response.Payload.Body.Span.IndexOfAnyExcept((byte)0) < 0, "response payload body is not all zeros");
    }

    private static async Task<List<int>> ReadAllSizesAsync(IAsyncStreamReader<StreamingOutputCallResponse> responses)
    {
        var sizes = new List<int>();
        while (await responses.MoveNext(CancellationToken.None))
        {
            sizes.Add(responses.Current.Payload.Body.Length);
        }

        return sizes;
    }
}
