using Grpc.AspNetCore.Server.Diagnostics;
using Grpc.Core;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Khcn.Tests.Telemetry;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Diagnostics;

[Collection(DiagnosticsCollection.Name)]
public sealed class ServerMetricsTests : IAsyncLifetime
{
    private TelemetryTestServer _server = null!;

    public async Task InitializeAsync() => _server = await TelemetryTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ServerDuration_RecordsOneMeasurementPerUnaryCall_WithRpcTags_WithoutTracing()
    {
        using var durations = new MeasurementRecorder(GrpcServerDiagnostics.MeterName, "rpc.server.duration");

        await _server.Client.CallAsync("Unary", GrpcFrames.Frame(new EchoRequest { Text = "measured" }));

        var measurement = Assert.Single(durations.ForMethod("Unary"));
        Assert.Equal("ms", measurement.Unit);
        Assert.True(measurement.Value >= 0);
        Assert.Equal("grpc", measurement.Tags["rpc.system"]);
        Assert.Equal("khcn.testing.ProtocolTest", measurement.Tags["rpc.service"]);
        Assert.Equal(0, measurement.Tags["rpc.grpc.status_code"]);
    }

    [Fact]
    public async Task ServerDuration_TagsTheStatusCodeOfAFailedCall()
    {
        using var durations = new MeasurementRecorder(GrpcServerDiagnostics.MeterName, "rpc.server.duration");
        var request = new EchoRequest { Text = "missing", Action = EchoRequest.Types.Action.ThrowRpcException, StatusCode = (int)StatusCode.NotFound };

        await _server.Client.CallAsync("Unary", GrpcFrames.Frame(request));

        var measurement = Assert.Single(durations.ForMethod("Unary"));
        Assert.Equal((int)StatusCode.NotFound, measurement.Tags["rpc.grpc.status_code"]);
    }

    [Fact]
    public async Task ServerDuration_RecordsOneMeasurementPerStreamingCall_WithTracingOn()
    {
        using var durations = new MeasurementRecorder(GrpcServerDiagnostics.MeterName, "rpc.server.duration");
        using var spans = new SpanRecorder(GrpcServerDiagnostics.ActivitySourceName);

        var response = await _server.Client.CallAsync("ServerStream", GrpcFrames.Frame(new EchoRequest { Text = "stream", Count = 3 }));

        Assert.Equal(3, response.Messages.Count);
        var measurement = Assert.Single(durations.ForMethod("ServerStream"));
        Assert.Equal(0, measurement.Tags["rpc.grpc.status_code"]);
    }
}
