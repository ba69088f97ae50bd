using System.Net;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Redis.Tests.Infrastructure;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

// Not "…Tests.Health": that namespace would hide grpc.health.v1's Health class from the other tests.
namespace Khcn.Services.Tests.HttpHealth;

/// <summary>
/// /health and /alive over HTTP/1.1 on the port of HealthChecks__Urls, against the real Provinces process, while the
/// service's own port stays gRPC (h2c).
/// </summary>
public sealed class HealthEndpointTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Alive_answers_200_over_http11_on_the_health_port_with_the_live_checks_only()
    {
        await using var service = await ProvincesProcess.StartAsync();
        using var client = ProvincesProcess.Http11Client();

        using var response = await client.GetAsync(new Uri(service.HealthAddress, "/alive"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        using var body = await ReadJsonAsync(response);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["self"], body.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task Health_answers_200_with_every_check_as_json_that_is_never_cached()
    {
        await using var service = await ProvincesProcess.StartAsync();
        using var client = ProvincesProcess.Http11Client();

        using var response = await client.GetAsync(new Uri(service.HealthAddress, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = await ReadJsonAsync(response);
        var root = body.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("totalDurationMs").GetDouble() >= 0);
        var checks = root.GetProperty("checks");
        Assert.Equal(["cache", "database", "self"], checks.EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        var database = checks.GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.True(database.GetProperty("durationMs").GetDouble() >= 0);
        Assert.False(string.IsNullOrEmpty(database.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Health_is_503_when_the_database_is_gone_while_alive_stays_200()
    {
        await using var service = await ProvincesProcess.StartAsync();
        using var client = ProvincesProcess.Http11Client();

        // The SQLite file (and its WAL) deleted under the running service: the check finds no database any more.
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(service.DatabasePath)!, "provincesdb.db*"))
        {
            File.Delete(file);
        }

        using var health = await client.GetAsync(new Uri(service.HealthAddress, "/health"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var body = await ReadJsonAsync(health);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        using var alive = await client.GetAsync(new Uri(service.HealthAddress, "/alive"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Redis_down_keeps_health_200_with_the_cache_degraded()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var service = await ProvincesProcess.StartAsync(("ConnectionStrings__cache", redis.ConnectionString));
        using var client = ProvincesProcess.Http11Client();
        await Eventually.TrueAsync(async () => await CacheStatusAsync(client, service) == (HttpStatusCode.OK, "Healthy"), "the service reaches Redis");

        redis.Kill();

        // Requests are still served (from the database, the cache in memory): ready, but the body says why not fully.
        await Eventually.TrueAsync(async () => await CacheStatusAsync(client, service) == (HttpStatusCode.OK, "Degraded"), "the cache reports Redis down");
        using var response = await client.GetAsync(new Uri(service.HealthAddress, "/health"));
        using var body = await ReadJsonAsync(response);
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Grpc_still_works_on_the_service_port_and_the_health_port_refuses_it()
    {
        await using var service = await ProvincesProcess.StartAsync();

        using (var channel = GrpcChannel.ForAddress(service.Address))
        {
            var check = await new HealthClient(channel)
                .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + CallTimeout);
            Assert.Equal(ServingStatus.Serving, check.Status);
        }

        // A gRPC path over HTTP/1.1 on the health port: not there.
        using var client = ProvincesProcess.Http11Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.HealthAddress, "/grpc.health.v1.Health/Check"))
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        using var grpcOverHttp11 = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, grpcOverHttp11.StatusCode);
        using var other = await client.GetAsync(new Uri(service.HealthAddress, "/"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // A real gRPC client (h2c) on the health port: the port speaks HTTP/1.1 only.
        using var healthChannel = GrpcChannel.ForAddress(service.HealthAddress);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new HealthClient(healthChannel)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow + CallTimeout).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task Health_also_answers_over_h2c_on_the_service_port()
    {
        await using var service = await ProvincesProcess.StartAsync();
        using var client = new HttpClient
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = CallTimeout,
        };

        using var response = await client.GetAsync(new Uri(service.Address, "/health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
    }

    [Fact]
    public async Task Configured_endpoint_protocols_are_respected_on_the_service_port_but_not_on_the_health_port()
    {
        // Explicit Kestrel defaults (HTTP/1.1 only): the service port follows them, the health port stays HTTP/1.1.
        await using var service = await ProvincesProcess.StartAsync(("Kestrel__EndpointDefaults__Protocols", "Http1"));
        using var client = ProvincesProcess.Http11Client();

        using var onServicePort = await client.GetAsync(new Uri(service.Address, "/alive"));
        using var onHealthPort = await client.GetAsync(new Uri(service.HealthAddress, "/alive"));

        Assert.Equal(HttpStatusCode.OK, onServicePort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onHealthPort.StatusCode);
    }

    private static async Task<(HttpStatusCode, string?)> CacheStatusAsync(HttpClient client, ProvincesProcess service)
    {
        using var response = await client.GetAsync(new Uri(service.HealthAddress, "/health"));
        using var body = await ReadJsonAsync(response);
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("cache").GetProperty("status").GetString());
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
}
