using System.Diagnostics;
using Grpc.AspNetCore.Server.Diagnostics;
using Grpc.Core;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protocol;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Khcn.Tests.Telemetry;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Diagnostics;

[Collection(DiagnosticsCollection.Name)]
public sealed class ServerTracingTests : IAsyncLifetime
{
    private const string Service = "khcn.testing.ProtocolTest";

    private TelemetryTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TelemetryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ServerSpan_ContinuesTheRequestTraceparent_WhenAspNetCoreMadeNoActivity()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();

        var response = await CallUnaryAsync(new EchoRequest { Text = "traced" }, traceId, callerSpanId);

        Assert.Equal(0, response.GrpcStatus);
        var span = Assert.Single(spans.StoppedInTrace(traceId));
        Assert.Equal(callerSpanId, span.ParentSpanId);
        Assert.True(span.HasRemoteParent);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal($"{Service}/Unary", span.DisplayName);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal(Service, span.GetTagItem("rpc.service"));
        Assert.Equal("Unary", span.GetTagItem("rpc.method"));
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(_server.Address.Port, span.GetTagItem("server.port"));
        Assert.Equal("http", span.GetTagItem("network.protocol.name"));
        Assert.Equal("2", span.GetTagItem("network.protocol.version"));
        Assert.Equal("127.0.0.1", span.GetTagItem("client.address"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task ServerSpan_IsActivityCurrentWhileTheServiceMethodRuns()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();

        await CallUnaryAsync(new EchoRequest { Text = "ambient" }, traceId, callerSpanId);

        var span = Assert.Single(spans.StoppedInTrace(traceId));
        Assert.True(_server.AmbientActivities.TryGet("ambient", out var ambient));
        Assert.Same(span, ambient);
    }

    [Fact]
    public async Task ServerSpan_IsChildOfAspNetCoresRequestActivity_WhenThereIsOne()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName, "Microsoft.AspNetCore");
        var (traceId, callerSpanId) = NewRemoteParent();

        await CallUnaryAsync(new EchoRequest { Text = "hosted" }, traceId, callerSpanId);

        var inTrace = spans.StoppedInTrace(traceId);
        var hosting = Assert.Single(inTrace, a => a.Source.Name == "Microsoft.AspNetCore");
        var grpc = Assert.Single(inTrace, a => a.Source.Name == GrpcServerDiagnostics.ActivitySourceName);
        Assert.Equal(callerSpanId, hosting.ParentSpanId);
        Assert.Equal(hosting.SpanId, grpc.ParentSpanId);
    }

    [Fact]
    public async Task ServerSpan_StartsANewTrace_WhenTheRequestHasNoTraceparent()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);

        await _server.Client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "root" }));

        Assert.True(_server.AmbientActivities.TryGet("root", out var span));
        Assert.NotNull(span);
        Assert.Equal(default, span!.ParentSpanId);
        Assert.Contains(span, spans.Stopped);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, ActivityStatusCode.Unset)]
    [InlineData(StatusCode.InvalidArgument, ActivityStatusCode.Unset)]
    [InlineData(StatusCode.Cancelled, ActivityStatusCode.Unset)]
    [InlineData(StatusCode.Internal, ActivityStatusCode.Error)]
    [InlineData(StatusCode.Unavailable, ActivityStatusCode.Error)]
    [InlineData(StatusCode.DataLoss, ActivityStatusCode.Error)]
    public async Task ServerSpanStatus_IsErrorOnlyForCodesThatBlameTheServer(StatusCode code, ActivityStatusCode expected)
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();
        var request = new EchoRequest { Text = "failed " + code, Action = EchoRequest.Types.Action.ThrowRpcException, StatusCode = (int)code };

        var response = await CallUnaryAsync(request, traceId, callerSpanId);

        Assert.Equal((int)code, response.GrpcStatus);
        var span = Assert.Single(spans.StoppedInTrace(traceId));
        Assert.Equal((int)code, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(expected, span.Status);
        Assert.Equal(expected == ActivityStatusCode.Error ? "failed " + code : null, span.StatusDescription);
    }

    [Fact]
    public async Task ServerSpanStatus_IsError_WhenTheServiceThrows()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();

        var response = await CallUnaryAsync(new EchoRequest { Text = "boom", Action = EchoRequest.Types.Action.ThrowInvalidOperation }, traceId, callerSpanId);

        Assert.Equal((int)StatusCode.Unknown, response.GrpcStatus);
        var span = Assert.Single(spans.StoppedInTrace(traceId));
        Assert.Equal((int)StatusCode.Unknown, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task ServerSpanStatus_IsError_ForAMethodTheServiceDoesNotImplement()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();

        var response = await _server.Client.CallAsync("NotOverridden", GrpcFrames.Frame(new EchoRequest()), r => AddTraceparent(r, traceId, callerSpanId));

        Assert.Equal((int)StatusCode.Unimplemented, response.GrpcStatus);
        var span = Assert.Single(spans.StoppedInTrace(traceId));
        Assert.Equal($"{Service}/NotOverridden", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task NoListener_CreatesNoActivity_AndTheCallStillWorks()
    {
        var (traceId, callerSpanId) = NewRemoteParent();

        var response = await CallUnaryAsync(new EchoRequest { Text = "unobserved" }, traceId, callerSpanId);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("unobserved", response.Replies.Single().Text);
        Assert.True(_server.AmbientActivities.TryGet("unobserved", out var ambient));
        Assert.Null(ambient);
    }

    [Fact]
    public async Task StreamingServerSpan_StaysCurrentAndOpenUntilTheCallEnds()
    {
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);
        var (traceId, callerSpanId) = NewRemoteParent();
        var content = new StreamingRequestContent();
        using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        var request = _server.Client.CreateRequest("Duplex", content);
        AddTraceparent(request, traceId, callerSpanId);
        var responseTask = _server.Client.StartAsync(request, timeout.Token);

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "duplex-1" }));
        using var response = await responseTask;
        var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        await CallKindTests.ReadOneMessageAsync(body, timeout.Token);

        // Mid-call: the span exists and is not stopped yet.
        var span = Assert.Single(spans.Started, a => a.TraceId == traceId);
        Assert.Empty(spans.StoppedInTrace(traceId));

        await content.WriteAsync(GrpcFrames.Frame(new EchoRequest { Text = "duplex-2" }));
        await CallKindTests.ReadOneMessageAsync(body, timeout.Token);
        content.Complete();
        await body.CopyToAsync(Stream.Null, timeout.Token);

        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
        Assert.True(_server.AmbientActivities.TryGet("duplex-1", out var first));
        Assert.True(_server.AmbientActivities.TryGet("duplex-2", out var second));
        Assert.Same(span, first);
        Assert.Same(span, second);
        await WaitUntilAsync(() => spans.StoppedInTrace(traceId).Count == 1);
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal($"{Service}/Duplex", span.DisplayName);
    }

    private Task<RawGrpcResponse> CallUnaryAsync(EchoRequest request, ActivityTraceId traceId, ActivitySpanId parentSpanId) =>
        _server.Client.CallAsync("Unary", GrpcFrames.Frame(request), r => AddTraceparent(r, traceId, parentSpanId));

    internal static (ActivityTraceId TraceId, ActivitySpanId SpanId) NewRemoteParent() =>
        (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());

    internal static void AddTraceparent(HttpRequestMessage request, ActivityTraceId traceId, ActivitySpanId parentSpanId) =>
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId.ToHexString()}-{parentSpanId.ToHexString()}-01");

    /// <summary>
    /// The span stops after the trailers are handed to Kestrel, so a client can see the end of the call a moment before
    /// the span ends. Polls for the outcome; only a hang fails.
    /// </summary>
    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(RawGrpcClient.CallTimeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
