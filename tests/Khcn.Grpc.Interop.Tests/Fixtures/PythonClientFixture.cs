using Khcn.Grpc.Interop.Tests.Server;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>Our server on Kestrel plus the descriptor set the Python client needs, shared by the Python-direction tests.</summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), $"khcn-interop-{Guid.NewGuid():N}");

    public OurInteropServer Server { get; } = new();

    public PythonInteropClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workDirectory);
        var descriptorSet = await ProtocDescriptorSet.BuildAsync(Path.Combine(_workDirectory, "test.protoset"));
        Client = new PythonInteropClient(descriptorSet);
        await Server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_workDirectory, recursive: true);
    }
}
