namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>One server with default options shared by the tests of a class.</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    public GrpcTestServer Server { get; private set; } = null!;

    public RawGrpcClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await GrpcTestServer.StartAsync();
        Client = new RawGrpcClient(Server.Address);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
