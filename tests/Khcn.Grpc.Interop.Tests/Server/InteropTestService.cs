using Google.Protobuf;
using Grpc.Core;
using Khcn.Grpc.Interop.Testing;

namespace Khcn.Grpc.Interop.Tests.Server;

/// <summary>
/// grpc.testing.TestService on our server, with the server features of the gRPC interop test
/// descriptions: echo metadata, echo status, response sizes and intervals, compressed responses
/// on request and checks of the requests' compressed flag. UnimplementedCall is left to the base
/// class so that it ends with UNIMPLEMENTED.
/// </summary>
public sealed class InteropTestService : TestService.TestServiceBase
{
    public const string EchoInitialMetadataKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingMetadataKey = "x-grpc-test-echo-trailing-bin";

    // Responses are compressed only when a request asks: the host's default algorithm is gzip.
    private static readonly WriteOptions Uncompressed = new(WriteFlags.NoCompress);
    private static readonly WriteOptions Compressed = new();

    public override async Task<Empty> EmptyCall(Empty request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        return new Empty();
    }

    public override async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        EnsureCompressionAsExpected(request.ExpectCompressed, TakeRequestCompressedFlag(context));
        ThrowIfStatusRequested(request.ResponseStatus);

        context.WriteOptions = request.ResponseCompressed?.Value == true ? Compressed : Uncompressed;
        return new SimpleResponse { Payload = ZeroPayload(request.ResponseSize) };
    }

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        ThrowIfStatusRequested(request.ResponseStatus);
        await WriteResponsesAsync(request, responseStream, context.CancellationToken);
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var aggregatedPayloadSize = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            // Every message takes its flag, checked or not, to keep flags and messages in step.
            EnsureCompressionAsExpected(requestStream.Current.ExpectCompressed, TakeRequestCompressedFlag(context));
            aggregatedPayloadSize += requestStream.Current.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = aggregatedPayloadSize };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            ThrowIfStatusRequested(requestStream.Current.ResponseStatus);
            await WriteResponsesAsync(requestStream.Current, responseStream, context.CancellationToken);
        }
    }

    public override async Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        var requests = new List<StreamingOutputCallRequest>();
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requests.Add(requestStream.Current);
        }

        foreach (var request in requests)
        {
            await WriteResponsesAsync(request, responseStream, context.CancellationToken);
        }
    }

    private static async Task WriteResponsesAsync(
        StreamingOutputCallRequest request,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        CancellationToken cancellationToken)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), cancellationToken);
            }

            // Per-message choice: the server_compressed_streaming case mixes both in one call.
            responseStream.WriteOptions = parameters.Compressed?.Value == true ? Compressed : Uncompressed;
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = ZeroPayload(parameters.Size) }, cancellationToken);
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        var initial = context.RequestHeaders.Get(EchoInitialMetadataKey);
        if (initial is not null)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { initial.Key, initial.Value } });
        }

        var trailing = context.RequestHeaders.Get(EchoTrailingMetadataKey);
        if (trailing is not null)
        {
            context.ResponseTrailers.Add(trailing.Key, trailing.ValueBytes);
        }
    }

    private static bool TakeRequestCompressedFlag(ServerCallContext context)
    {
        var flags = context.GetHttpContext().Features.Get<RequestMessageFlags>()
            ?? throw new InvalidOperationException("The interop host must run RequestMessageFlags.UseRequestMessageFlags.");
        return flags.NextMessageWasCompressed();
    }

    private static void EnsureCompressionAsExpected(BoolValue? expectCompressed, bool wasCompressed)
    {
        if (expectCompressed is not null && wasCompressed != expectCompressed.Value)
        {
            throw new RpcException(new Status(
                StatusCode.InvalidArgument,
                expectCompressed.Value ? "Expected a compressed request message." : "Expected an uncompressed request message."));
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? responseStatus)
    {
        if (responseStatus is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)responseStatus.Code, responseStatus.Message));
        }
    }

    private static Payload ZeroPayload(int size) =>
        new() { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };
}
