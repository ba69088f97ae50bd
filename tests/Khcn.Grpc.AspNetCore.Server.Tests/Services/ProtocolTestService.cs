using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Services;

/// <summary>Test service whose behaviour is chosen by <see cref="EchoRequest.Action"/>.</summary>
public sealed class ProtocolTestService(CallObserver observer, ActivationTracker activations, ScopedProbe scopedProbe)
    : ProtocolTest.ProtocolTestBase, IDisposable
{
    public const string DetailsPayload = "google.rpc.Status bytes";

    private readonly int _instanceId = activations.OnCreated();

    public override async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        if (request.Action == EchoRequest.Types.Action.IgnoreDeadline)
        {
            observer.Started(request.Text);
            await observer.WhenReleased(request.Text);
        }

        await ApplyActionAsync(request, context);
        return CreateReply(request, context);
    }

    public override async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        EchoRequest? last = null;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            texts.Add(request.Text);
            last = request;
        }

        if (last is not null)
        {
            await ApplyActionAsync(last, context);
        }

        return new EchoReply { Text = string.Join(",", texts), Count = texts.Count };
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        if (request.Action == EchoRequest.Types.Action.NoCompress)
        {
            responseStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }

        await ApplyActionAsync(request, context);
        // Bounded so fuzzed requests with huge counts still finish quickly.
        for (var i = 0; i < Math.Clamp(request.Count, 1, 100); i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Count = i, Payload = request.Payload });
            if (request.Action == EchoRequest.Types.Action.FailAfterFirstMessage)
            {
                throw new RpcException(new Status(StatusCode.Aborted, "failed after first message"));
            }
        }
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var count = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await ApplyActionAsync(request, context);
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Count = count++ });
        }
    }

    public override async Task<EchoReply> WaitForCancellation(EchoRequest request, ServerCallContext context)
    {
        observer.Started(request.Text);
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            observer.Cancelled(request.Text, context.Deadline);
            throw;
        }

        return new EchoReply();
    }

    public void Dispose() => activations.OnDisposed();

    private static async Task ApplyActionAsync(EchoRequest request, ServerCallContext context)
    {
        switch (request.Action)
        {
            case EchoRequest.Types.Action.ThrowRpcException:
                var trailers = new Metadata
                {
                    { "x-error-trailer", "error-value" },
                    { "grpc-status-details-bin", System.Text.Encoding.UTF8.GetBytes(DetailsPayload) },
                };
                throw new RpcException(new Status((StatusCode)request.StatusCode, request.Text), trailers);
            case EchoRequest.Types.Action.ThrowInvalidOperation:
                throw new InvalidOperationException("secret internal detail " + request.Text);
            case EchoRequest.Types.Action.SendHeadersAndTrailers:
                await context.WriteResponseHeadersAsync(new Metadata
                {
                    { "x-response-header", "header-value" },
                    { "x-response-header-bin", new byte[] { 0, 1, 2, 255 } },
                });
                context.ResponseTrailers.Add("x-response-trailer", "trailer-value");
                context.ResponseTrailers.Add("x-response-trailer-bin", new byte[] { 9, 8, 7 });
                break;
        }
    }

    private EchoReply CreateReply(EchoRequest request, ServerCallContext context)
    {
        var reply = new EchoReply { Text = request.Text, Count = request.Count };
        switch (request.Action)
        {
            case EchoRequest.Types.Action.LargeResponse:
                reply.Payload = ByteString.CopyFrom(new byte[request.Count]);
                break;
            case EchoRequest.Types.Action.ReportContext:
                reply.Context["peer"] = context.Peer;
                reply.Context["host"] = context.Host;
                reply.Context["method"] = context.Method;
                reply.Context["deadline"] = context.Deadline.ToString("O", CultureInfo.InvariantCulture);
                reply.Context["protocol"] = context.GetHttpContext().Request.Protocol;
                reply.Context["instance"] = _instanceId.ToString(CultureInfo.InvariantCulture);
                reply.Context["scoped"] = scopedProbe.Id.ToString();
                foreach (var entry in context.RequestHeaders)
                {
                    reply.Context["header:" + entry.Key] = entry.IsBinary ? Convert.ToHexString(entry.ValueBytes) : entry.Value;
                }

                break;
            default:
                reply.Payload = request.Payload;
                break;
        }

        return reply;
    }
}
