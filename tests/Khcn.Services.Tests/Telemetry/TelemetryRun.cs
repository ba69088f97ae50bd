using System.Diagnostics;
using Grpc.Net.Client;
using Khcn.Provinces.V1;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>Starts the Provinces service the way the AppHost does for telemetry, and makes a traced call to it.</summary>
public static class TelemetryRun
{
    public const string EnvironmentAttribute = "deployment.environment.name";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Provinces with the OTEL_* settings the AppHost gives every service, as command-line configuration (the test
    /// process's environment is shared by every service it runs). Hosting's request log is turned up so a record
    /// is written inside the call.
    /// </summary>
    public static Task<ServiceHost> StartProvincesAsync(OtlpReceiver receiver, string protocol, string serviceName, string instanceId, params string[] more) =>
        ServiceHost.StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            [
                $"--OTEL_EXPORTER_OTLP_ENDPOINT={receiver.Endpoint}",
                $"--OTEL_EXPORTER_OTLP_PROTOCOL={protocol}",
                $"--OTEL_SERVICE_NAME={serviceName}",
                $"--OTEL_RESOURCE_ATTRIBUTES=service.instance.id={instanceId},{EnvironmentAttribute}=telemetry-tests",
                "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
                .. more,
            ]);

    /// <summary>
    /// GetProvince under a sampled parent of the test's own, so the call's spans and log records are told apart
    /// from everything else the process emits by their trace id.
    /// </summary>
    public static async Task<ActivityTraceId> GetProvinceTracedAsync(Uri address)
    {
        using var channel = GrpcChannel.ForAddress(address);
        using var parent = new Activity("Khcn.Tests.Telemetry.Call").SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        parent.Start();

        var province = await new ProvincesService.ProvincesServiceClient(channel)
            .GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, deadline: DateTime.UtcNow + CallTimeout);

        Assert.Equal("Lạng Sơn", province.DisplayName);
        return parent.TraceId;
    }

    public static bool HasTraceId(Google.Protobuf.ByteString id, ActivityTraceId traceId) =>
        Convert.ToHexStringLower(id.Span) == traceId.ToHexString();
}
