using System.Diagnostics;
using Grpc.AspNetCore.Server.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Diagnostics;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Khcn.Tests.Telemetry;

namespace Khcn.Grpc.Net.Client.Tests.Diagnostics;

[Collection(DiagnosticsCollection.Name)]
public sealed class ClientTelemetryTests : IAsyncLifetime
{
    private const string Service = "khcn.clienttests.v1.EchoService";
    private const string CallerSource = "Khcn.Tests.Caller";

    private readonly ActivitySource _caller = new(CallerSource);
    private TracedEchoServer _server = null!;
    private GrpcChannel _channel = null!;

    private EchoService.EchoServiceClient Client => new(_channel);

    public async Task InitializeAsync()
    {
        _server = await TracedEchoServer.StartAsync();
        _channel = GrpcChannel.ForAddress(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        _caller.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ClientAndServerSpans_FormOneTrace_WithTheServerSpanAChildOfTheClientSpan()
    {
        using var spans = new SpanRecorder(CallerSource, GrpcClientDiagnostics.ActivitySourceName, GrpcServerDiagnostics.ActivitySourceName);
        using var parent = _caller.StartActivity("caller")!;

        await Client.GetEchoAsync(new EchoRequest { Text = "hop" }).ResponseAsync.OrHang();

        var client = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcClientDiagnostics.ActivitySourceName);
        var server = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcServerDiagnostics.ActivitySourceName);
        Assert.Equal(parent.SpanId, client.ParentSpanId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Same(server, _server.Views["hop"].Ambient);
        Assert.Same(parent, Activity.Current);

        Assert.Equal(ActivityKind.Client, client.Kind);
        Assert.Equal(GrpcClientDiagnostics.ActivityName, client.OperationName);
        Assert.Equal($"{Service}/GetEcho", client.DisplayName);
        Assert.Equal("grpc", client.GetTagItem("rpc.system"));
        Assert.Equal(Service, client.GetTagItem("rpc.service"));
        Assert.Equal("GetEcho", client.GetTagItem("rpc.method"));
        Assert.Equal("127.0.0.1", client.GetTagItem("server.address"));
        Assert.Equal(_server.Address.Port, client.GetTagItem("server.port"));
        Assert.Equal(0, client.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, client.Status);

        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal($"{Service}/GetEcho", server.DisplayName);
        Assert.Equal(0, server.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task Traceparent_IsSentOnce_AsTheClientSpan_EvenWithoutSystemNetHttpListeners()
    {
        using var spans = new SpanRecorder(CallerSource, GrpcClientDiagnostics.ActivitySourceName);
        using var parent = _caller.StartActivity("caller")!;

        await Client.GetEchoAsync(new EchoRequest { Text = "once" }).ResponseAsync.OrHang();

        var client = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcClientDiagnostics.ActivitySourceName);
        var traceparent = Assert.Single(_server.Views["once"].Traceparents);
        Assert.Equal($"00-{client.TraceId.ToHexString()}-{client.SpanId.ToHexString()}-01", traceparent);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, ActivityStatusCode.Error, ActivityStatusCode.Unset)]
    [InlineData(StatusCode.Internal, ActivityStatusCode.Error, ActivityStatusCode.Error)]
    public async Task SpanStatus_FollowsEachSidesErrorRules(StatusCode code, ActivityStatusCode clientStatus, ActivityStatusCode serverStatus)
    {
        using var spans = new SpanRecorder(CallerSource, GrpcClientDiagnostics.ActivitySourceName, GrpcServerDiagnostics.ActivitySourceName);
        using var parent = _caller.StartActivity("caller")!;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetEchoAsync(new EchoRequest { Text = "status " + code, Count = (int)code }).ResponseAsync.OrHang());

        Assert.Equal(code, error.StatusCode);
        var client = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcClientDiagnostics.ActivitySourceName);
        var server = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcServerDiagnostics.ActivitySourceName);
        Assert.Equal((int)code, client.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal((int)code, server.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(clientStatus, client.Status);
        Assert.Equal(serverStatus, server.Status);
    }

    [Fact]
    public async Task ServerContinuesTheCallersTrace_WhenNobodyListensToTheClientSource()
    {
        using var spans = new SpanRecorder(CallerSource, GrpcServerDiagnostics.ActivitySourceName);
        using var parent = _caller.StartActivity("caller")!;

        await Client.GetEchoAsync(new EchoRequest { Text = "no client span" }).ResponseAsync.OrHang();

        var server = Assert.Single(spans.StoppedInTrace(parent.TraceId), a => a.Source.Name == GrpcServerDiagnostics.ActivitySourceName);
        Assert.Same(server, _server.Views["no client span"].Ambient);
        Assert.DoesNotContain(spans.Started, a => a.Source.Name == GrpcClientDiagnostics.ActivitySourceName);
    }

    [Fact]
    public async Task NoListeners_CreateNoActivity_AndCallsStillWork()
    {
        var reply = await Client.GetEchoAsync(new EchoRequest { Text = "dark" }).ResponseAsync.OrHang();

        Assert.Equal("dark", reply.Text);
        var view = _server.Views["dark"];
        Assert.Null(view.Ambient);
        Assert.Empty(view.Traceparents);
    }

    [Fact]
    public async Task DurationHistograms_RecordOneMeasurementPerCall_OnBothSides()
    {
        using var clientDurations = new MeasurementRecorder(GrpcClientDiagnostics.MeterName, "rpc.client.duration");
        using var serverDurations = new MeasurementRecorder(GrpcServerDiagnostics.MeterName, "rpc.server.duration");

        await Client.GetEchoAsync(new EchoRequest { Text = "measured" }).ResponseAsync.OrHang();
        await Assert.ThrowsAsync<RpcException>(() => Client.GetEchoAsync(new EchoRequest { Text = "measured failure", Count = (int)StatusCode.NotFound }).ResponseAsync.OrHang());
        using (var stream = Client.ListEchoes(new EchoRequest { Text = "measured stream", Count = 2 }))
        {
            while (await stream.ResponseStream.MoveNext(CancellationToken.None).OrHang())
            {
            }
        }

        var client = clientDurations.ForMethod("GetEcho");
        Assert.Equal(2, client.Count);
        Assert.Equal([0, (int)StatusCode.NotFound], client.Select(m => (int)m.Tags["rpc.grpc.status_code"]!).Order());
        Assert.All(client, m =>
        {
            Assert.Equal("ms", m.Unit);
            Assert.Equal("grpc", m.Tags["rpc.system"]);
            Assert.Equal(Service, m.Tags["rpc.service"]);
            Assert.Equal("127.0.0.1", m.Tags["server.address"]);
            Assert.Equal(_server.Address.Port, m.Tags["server.port"]);
        });
        Assert.Equal(0, Assert.Single(clientDurations.ForMethod("ListEchoes")).Tags["rpc.grpc.status_code"]);

        await WaitUntilAsync(() => serverDurations.ForMethod("GetEcho").Count == 2 && serverDurations.ForMethod("ListEchoes").Count == 1);
        Assert.Equal([0, (int)StatusCode.NotFound], serverDurations.ForMethod("GetEcho").Select(m => (int)m.Tags["rpc.grpc.status_code"]!).Order());
    }

    [Fact]
    public async Task StreamingClientSpan_StaysOpenUntilTheCallEnds()
    {
        using var spans = new SpanRecorder(CallerSource, GrpcClientDiagnostics.ActivitySourceName, GrpcServerDiagnostics.ActivitySourceName);
        using var parent = _caller.StartActivity("caller")!;

        using var call = Client.Chat();
        await call.RequestStream.WriteAsync(new EchoRequest { Text = "chat-1" }).OrHang();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());

        var client = Assert.Single(spans.Started, a => a.TraceId == parent.TraceId && a.Source.Name == GrpcClientDiagnostics.ActivitySourceName);
        Assert.Empty(spans.StoppedInTrace(parent.TraceId));

        await call.RequestStream.WriteAsync(new EchoRequest { Text = "chat-2" }).OrHang();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        await call.RequestStream.CompleteAsync().OrHang();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());

        Assert.Contains(client, spans.StoppedInTrace(parent.TraceId));
        Assert.Equal(0, client.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal($"{Service}/Chat", client.DisplayName);
        var server = _server.Views["chat-2"].Ambient;
        Assert.NotNull(server);
        Assert.Same(server, _server.Views["chat-1"].Ambient);
        Assert.Equal(client.SpanId, server!.ParentSpanId);
    }

    /// <summary>The server records after its trailers are queued, so it may trail the client by a moment; only a hang fails.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Hang);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
