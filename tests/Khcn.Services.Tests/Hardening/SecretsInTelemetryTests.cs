using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Provinces.V1;
using Khcn.Redis.Tests.Infrastructure;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;
using Khcn.Services.Tests.Security;
using Khcn.Services.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// No secret reaches the logs or traces: a service with authentication on and a password-protected Redis (the right
/// password, then a wrong one) takes good and bad calls with every log category at Trace, and every log record, span
/// and metric it exports over OTLP is searched for the bearer tokens and the passwords.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SecretsInTelemetryTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TokensAndPasswords_AppearInNoLogRecordSpanOrMetric()
    {
        var password = "redis-pw-" + Guid.NewGuid().ToString("N");
        var wrongPassword = "wrong-pw-" + Guid.NewGuid().ToString("N");
        await using var redis = await RedisServer.StartAsync(password);
        await using var receiver = await OtlpReceiver.StartAsync(OtlpProtocol.Grpc);
        using var tokens = new SigningKeys();
        var good = tokens.MintFor("can-bo@so-khcn-20.test", "portal-20", KhcnClaims.Scopes.ProvincesRead);
        var noScope = tokens.MintFor("can-bo@so-khcn-21.test", "portal-21");
        var tampered = good[..^4] + (good.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        string[] secrets = [password, wrongPassword, good, noScope, tampered, Signature(good), Signature(noScope), Signature(tampered)];

        await RunAsync(receiver, tokens, redis.ConnectionString, HealthStatus.Healthy, good, noScope, tampered);
        await RunAsync(receiver, tokens, $"127.0.0.1:{redis.Port},password={wrongPassword}", HealthStatus.Degraded, good, noScope, tampered);

        var received = receiver.Received;
        Assert.NotEmpty(received.LogRecords);
        Assert.NotEmpty(received.Spans);
        var exported = received.LogRecords.Select(r => r.Item.ToString())
            .Concat(received.Spans.Select(s => s.Item.ToString()))
            .Concat(received.Metrics.Select(m => m.Item.ToString()))
            .ToList();
        // What is searched does hold the refusals' records (who was refused and why), so a leak there would be seen.
        Assert.Contains(exported, text => text.Contains("BAD_SIGNATURE", StringComparison.Ordinal));
        Assert.Contains(exported, text => text.Contains("portal-21", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(exported, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task RunAsync(
        OtlpReceiver receiver, SigningKeys tokens, string cacheConnectionString, HealthStatus expectedCache, string good, string noScope, string tampered)
    {
        var logsBefore = receiver.Received.LogRecords.Count;
        await using (var host = await ServiceHost.StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            [
                .. tokens.ServiceSettings,
                $"--ConnectionStrings:cache={cacheConnectionString}",
                $"--OTEL_EXPORTER_OTLP_ENDPOINT={receiver.Endpoint}",
                $"--OTEL_EXPORTER_OTLP_PROTOCOL={OtlpProtocol.Grpc}",
                "--OTEL_SERVICE_NAME=khcn-hardening-secrets",
                "--OTEL_BSP_SCHEDULE_DELAY=200",
                "--OTEL_BLRP_SCHEDULE_DELAY=200",
                "--Logging:LogLevel:Default=Trace",
            ]))
        {
            // With the right password the cache authenticates with Redis; with the wrong one it stays degraded.
            await Eventually.TrueAsync(async () => await CacheHealthAsync(host) == expectedCache, $"the cache is {expectedCache}", ArrivalTimeout);
            using var channel = GrpcChannel.ForAddress(host.Address);
            var provinces = new ProvincesService.ProvincesServiceClient(channel);
            await provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, WithToken(good));
            await provinces.ListProvincesAsync(new ListProvincesRequest(), WithToken(good));
            await RefusedAsync(provinces, tampered, StatusCode.Unauthenticated);
            await RefusedAsync(provinces, noScope, StatusCode.PermissionDenied);
            await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: HardenedCalls.Deadline);
        }

        // Stopping the host flushed its exporters; the receiver may still be decoding the last batch.
        await Eventually.TrueAsync(() => receiver.Received.LogRecords.Count > logsBefore, "the run's log records arrive", ArrivalTimeout);
    }

    private static async Task<HealthStatus> CacheHealthAsync(ServiceHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "cache");
        return report.Entries["cache"].Status;
    }

    private static async Task RefusedAsync(ProvincesService.ProvincesServiceClient provinces, string token, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, WithToken(token)).ResponseAsync);
        Assert.Equal(expected, error.StatusCode);
    }

    private static CallOptions WithToken(string token) =>
        new(headers: new Metadata { { "authorization", "Bearer " + token } }, deadline: HardenedCalls.Deadline);

    private static string Signature(string token) => token[(token.LastIndexOf('.') + 1)..];
}
