using System.Diagnostics;
using System.Net;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Proto.Trace.V1;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// Health is not traced: neither the HTTP probes of /health and /alive, nor gRPC health checks, nor the publisher's periodic runs of the
/// checks (whatever they call: Redis, the database, another service) export a span, while an ordinary request to the
/// same app still does. Each test stops the app before asserting: the stop flushes every span that ended, so "none
/// arrived" is final.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class HealthTracingTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";
    private const string HealthPublisherCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckPublisherHostedService";

    [Fact]
    public async Task HealthProbes_ExportNoSpan_WhileACallStillExportsItsSpans()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var service = await TelemetryRun.StartProvincesAsync(receiver, OtlpProtocol.Grpc, "provinces-health-probes", Guid.NewGuid().ToString());
        ActivityTraceId callTraceId;
        try
        {
            // The readiness probe carries a sampled parent, as an instrumented prober's would: the service still drops it.
            var sampledParent = $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
            Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service.Address, HealthEndpoints.ReadinessPath, sampledParent));
            Assert.Equal(HttpStatusCode.OK, await ProbeAsync(service.Address, HealthEndpoints.LivenessPath, traceParent: null));
            // The client runs in this process too: its own spans are not the service's and are left out.
            using (SuppressInstrumentationScope.Begin())
            using (var channel = global::Grpc.Net.Client.GrpcChannel.ForAddress(service.Address))
            {
                var grpcProbe = await new global::Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                    new global::Grpc.Health.V1.HealthCheckRequest(), new global::Grpc.Core.Metadata { { "traceparent", sampledParent } });
                Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, grpcProbe.Status);
            }

            callTraceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);
        }
        finally
        {
            await service.DisposeAsync();
        }

        AssertOnlyTheCallWasTraced(receiver, callTraceId);
    }

    [Fact]
    public async Task HealthPublisherRuns_OfACheckThatCallsOut_ExportNoSpan_WhileARequestStillDoes()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var publisher = new CountingHealthPublisher(runs: 3);
        var app = await TelemetryWebApp.StartAsync(
            receiver,
            builder =>
            {
                builder.Services.AddHealthChecks().AddCheck<DownstreamHealthCheck>("downstream");
                // The shortest period the options accept, so a few runs fit in the test.
                builder.Services.Configure<HealthCheckPublisherOptions>(options =>
                {
                    options.Delay = TimeSpan.Zero;
                    options.Period = TimeSpan.FromSeconds(1);
                });
                builder.Services.AddSingleton<IHealthCheckPublisher>(publisher);
            },
            app => app.MapGet(DownstreamHealthCheck.Path, () => "ok"));
        ActivityTraceId requestTraceId;
        await using (app)
        {
            await publisher.Completed.WaitAsync(ArrivalTimeout);
            requestTraceId = await GetTracedAsync(new Uri(app.Address, DownstreamHealthCheck.Path));
        }

        Assert.Contains(receiver.Received.Spans, s => s.Scope?.Name == "Microsoft.AspNetCore" && TelemetryRun.HasTraceId(s.Item.TraceId, requestTraceId));
        AssertNoSpanOutside(receiver, requestTraceId);
    }

    [Fact]
    public async Task HealthPublisherRun_InAService_ExportsNoSpan_ButTheChecksLogsStillArrive()
    {
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        var instanceId = Guid.NewGuid().ToString();
        var service = await TelemetryRun.StartProvincesAsync(receiver, OtlpProtocol.Grpc, "provinces-health-publisher", instanceId,
            "--Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks=Debug",
            "--OTEL_BLRP_SCHEDULE_DELAY=200");
        ActivityTraceId callTraceId;
        try
        {
            // The publisher's period is not configurable from outside the service; its first run follows its 5 s
            // delay. Its own record comes after the checks' records, which were written under the untraced parent.
            await Eventually.TrueAsync(() => Logs(receiver, instanceId, HealthPublisherCategory).Any(), "the health publisher has run", ArrivalTimeout);
            Assert.NotEmpty(Logs(receiver, instanceId, HealthCheckServiceCategory));
            callTraceId = await TelemetryRun.GetProvinceTracedAsync(service.Address);
        }
        finally
        {
            await service.DisposeAsync();
        }

        AssertOnlyTheCallWasTraced(receiver, callTraceId);
    }

    private static void AssertOnlyTheCallWasTraced(OtlpReceiver receiver, ActivityTraceId callTraceId)
    {
        Assert.Contains(receiver.Received.Spans, s => s.Scope?.Name == "Microsoft.AspNetCore" && TelemetryRun.HasTraceId(s.Item.TraceId, callTraceId));
        Assert.Contains(receiver.Received.Spans, s => s.Scope?.Name == "Grpc.AspNetCore.Server" && TelemetryRun.HasTraceId(s.Item.TraceId, callTraceId));
        AssertNoSpanOutside(receiver, callTraceId);
    }

    private static void AssertNoSpanOutside(OtlpReceiver receiver, ActivityTraceId traceId)
    {
        var others = receiver.Received.Spans.Where(s => !TelemetryRun.HasTraceId(s.Item.TraceId, traceId)).Select(Describe).ToList();
        Assert.True(others.Count == 0, $"Spans outside the expected trace: {string.Join("; ", others)}");
    }

    /// <summary>A GET under a sampled parent of the test's own, so its spans are told apart by their trace id.</summary>
    private static async Task<ActivityTraceId> GetTracedAsync(Uri url)
    {
        using var client = new HttpClient();
        using var parent = new Activity("Khcn.Tests.Telemetry.Request").SetIdFormat(ActivityIdFormat.W3C);
        parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        parent.Start();
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return parent.TraceId;
    }

    private static string Describe(Received<Span> span) =>
        $"{span.Scope?.Name} '{span.Item.Name}' {span.Item.Attributes.FirstOrDefault(a => a.Key == "url.path")?.Value?.StringValue}";

    private static IEnumerable<Received<OpenTelemetry.Proto.Logs.V1.LogRecord>> Logs(OtlpReceiver receiver, string instanceId, string category) =>
        receiver.Received.LogRecords.Where(r => r.Scope?.Name == category && r.ResourceAttribute("service.instance.id") == instanceId);

    /// <summary>
    /// An h2c GET on the service's own port, where the health paths answer too. The test's HttpClient would trace
    /// itself into the same tracer (it runs in this process), so its instrumentation is suppressed here.
    /// </summary>
    private static async Task<HttpStatusCode> ProbeAsync(Uri address, string path, string? traceParent)
    {
        using var suppressed = SuppressInstrumentationScope.Begin();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
