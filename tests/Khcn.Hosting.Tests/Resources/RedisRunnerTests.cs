using System.Runtime.Versioning;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Health;
using Khcn.Hosting.Runners;
using Khcn.Hosting.Tests.Processes;
using Khcn.Redis;

namespace Khcn.Hosting.Tests.Resources;

/// <summary>The Redis resource against a real redis-server.</summary>
[SupportedOSPlatform("linux")]
public sealed class RedisRunnerTests
{
    [Fact]
    public async Task RedisServer_AnswersPingOnlyWithThePassword()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis);

        await runner.StartAsync(scope.Context, CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));
        var port = redis.PrimaryEndpoint.Port;
        var refusal = await Record.ExceptionAsync(() => PingAsync($"127.0.0.1:{port}"));
        Assert.Contains("NOAUTH", refusal?.Message ?? "", StringComparison.Ordinal);
        Assert.Equal("PONG", await PingAsync(redis.GetConnectionString()!));
    }

    [Fact]
    public async Task PingProbe_IsFalseBeforeTheServerStartsAndTrueOnceItRuns()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var probe = new RedisPingProbe(redis.GetConnectionString()!);
        await using var runner = new RedisRunner(redis);

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
        await runner.StartAsync(scope.Context, CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => probe.IsHealthyAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task PingProbe_WithAWrongPassword_IsFalse()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis);
        await runner.StartAsync(scope.Context, CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));

        await using var probe = new RedisPingProbe($"{redis.PrimaryEndpoint.Allocated.HostAndPort},password=wrong");

        Assert.False(await probe.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StopAsync_EndsTheServerProcess()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis);
        await runner.StartAsync(scope.Context, CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));

        await runner.StopAsync(CancellationToken.None);

        Assert.True(runner.Process!.HasExited);
        Assert.Null(ProcFile.State(runner.Process.Id));
        Assert.False(await runner.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Password_IsInAnOwnerOnlyConfigFileAndNotOnTheCommandLine()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis);

        await runner.StartAsync(scope.Context, CancellationToken.None);

        var config = Path.Combine(scope.Context.WorkDirectory, "redis.conf");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        Assert.Contains($"requirepass {redis.Password}", File.ReadAllLines(config));
        Assert.DoesNotContain(ProcFile.CommandLine(runner.Process!.Id), argument => argument.Contains(redis.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerOutput_GoesToTheResourceLog()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis);

        await runner.StartAsync(scope.Context, CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => scope.LogText().Contains("Ready to accept connections", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WithoutRedisServer_TheResourceFallsBackAndHasNoConnectionString()
    {
        var redis = NewRedis();
        await using var scope = new ResourceRunScope(redis);
        await using var runner = new RedisRunner(redis, findRedisServer: () => null);

        await runner.StartAsync(scope.Context, CancellationToken.None);

        var fallback = Assert.Single(redis.Annotations.OfType<FallbackAnnotation>());
        Assert.Contains("in-memory cache", fallback.Message, StringComparison.Ordinal);
        Assert.Null(redis.GetConnectionString());
        Assert.Null(runner.Process);
    }

    private static RedisResource NewRedis() =>
        DistributedApplication.CreateBuilder([]).AddRedis("cache").Resource;

    private static async Task<string?> PingAsync(string connectionString)
    {
        await using var client = await RedisConnection.ConnectAsync(connectionString);
        var reply = await client.ExecuteAsync(new RedisCommand("PING"));
        return reply.ThrowIfError().AsString();
    }
}
