using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Diagnostics;

/// <summary>What the service method saw as <see cref="Activity.Current"/>, per call (keyed by request text).</summary>
public sealed class AmbientActivityLog
{
    private readonly ConcurrentDictionary<string, Activity?> _seen = new();

    public void Record(string key) => _seen[key] = Activity.Current;

    public bool TryGet(string key, out Activity? activity) => _seen.TryGetValue(key, out activity);
}

/// <summary>Test service that records its ambient Activity and fails on request, to check spans and metrics.</summary>
public sealed class TelemetryProbeService(AmbientActivityLog log) : ProtocolTest.ProtocolTestBase
{
    public override Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        log.Record(request.Text);
        return request.Action switch
        {
            EchoRequest.Types.Action.ThrowRpcException => throw new RpcException(new Status((StatusCode)request.StatusCode, request.Text)),
            EchoRequest.Types.Action.ThrowInvalidOperation => throw new InvalidOperationException(request.Text),
            _ => Task.FromResult(new EchoReply { Text = request.Text }),
        };
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Count = i });
        }
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            // Recorded after awaiting the client's messages: the span must stay current across the whole stream.
            log.Record(request.Text);
            await responseStream.WriteAsync(new EchoReply { Text = request.Text });
        }
    }
}
