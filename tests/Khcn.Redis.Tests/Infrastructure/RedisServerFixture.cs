namespace Khcn.Redis.Tests.Infrastructure;

/// <summary>One redis-server shared by the tests of a class that do not stop it.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public Task<RedisConnection> ConnectAsync(RedisProtocol protocol = RedisProtocol.Resp3) =>
        RedisConnection.ConnectAsync(RedisOptions.Parse(Server.ConnectionString) with
        {
            Protocol = protocol,
            CommandTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        });
}
