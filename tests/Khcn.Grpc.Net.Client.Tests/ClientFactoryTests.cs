using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.ClientFactory;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class ClientFactoryTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public async Task AddGrpcClient_WithoutAddress_UsesAspireServiceConfiguration()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(("services:echo:http:0", server.Address.ToString())));
        services.AddGrpcClient<EchoService.EchoServiceClient>("echo");
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<EchoService.EchoServiceClient>();
        var reply = await client.GetEchoAsync(new EchoRequest { Text = "aspire" }).ResponseAsync.OrHang();

        Assert.Equal("aspire", reply.Text);
    }

    [Fact]
    public async Task AddGrpcClient_PrefersHttpsEndpointOverHttp()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(("services:echo:http:0", "http://127.0.0.1:1"), ("services:echo:https:0", "https://127.0.0.1:2")));
        services.AddGrpcClient<EchoService.EchoServiceClient>("echo");
        await using var provider = services.BuildServiceProvider();

        var channel = provider.GetRequiredService<GrpcChannelRegistry>().Get("echo").Channel;

        Assert.Equal(new Uri("https://127.0.0.1:2"), channel.Address);
    }

    [Fact]
    public async Task AddGrpcClient_WithoutAnyAddress_FailsWithAClearError()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration());
        services.AddGrpcClient<EchoService.EchoServiceClient>("missing");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EchoService.EchoServiceClient>());

        Assert.Contains("services:missing:http:0", error.Message);
        Assert.Contains("services__missing__http__0", error.Message);
    }

    [Fact]
    public async Task AddGrpcClient_ClientsAreTransient_ChannelIsSharedPerName()
    {
        var services = new ServiceCollection();
        services.AddGrpcClient<EchoService.EchoServiceClient>("echo", o => o.Address = new Uri("http://127.0.0.1:5000"));
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<GrpcChannelRegistry>();

        var first = provider.GetRequiredService<EchoService.EchoServiceClient>();
        var second = provider.GetRequiredService<EchoService.EchoServiceClient>();

        Assert.NotSame(first, second);
        Assert.Same(registry.Get("echo").Channel, registry.Get("echo").Channel);
    }

    private sealed class CountingInterceptor : Interceptor
    {
        public int Calls;

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context,
            AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            Interlocked.Increment(ref Calls);
            return continuation(request, context);
        }
    }

    [Fact]
    public async Task AddGrpcClient_AddInterceptorAndConfigureChannel_AreApplied()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        var interceptor = new CountingInterceptor();
        var services = new ServiceCollection();
        services.AddSingleton(interceptor);
        services.AddGrpcClient<EchoService.EchoServiceClient>("echo", o => o.Address = server.Address)
            .AddInterceptor<CountingInterceptor>()
            .ConfigureChannel(options => options.MaxSendMessageSize = 10);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EchoService.EchoServiceClient>();

        await client.GetEchoAsync(new EchoRequest { Text = "x" }).ResponseAsync.OrHang();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest { Text = new string('x', 100) }).ResponseAsync.OrHang());

        Assert.Equal(2, interceptor.Calls);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task GrpcClientFactory_CreatesNamedClients()
    {
        await using var server = await RawGrpcServer.StartAsync(GrpcWire.EchoUnaryAsync);
        var services = new ServiceCollection();
        services.AddGrpcClient<EchoService.EchoServiceClient>("echo", o => o.Address = server.Address);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GrpcClientFactory>().CreateClient<EchoService.EchoServiceClient>("echo");
        var reply = await client.GetEchoAsync(new EchoRequest { Text = "factory" }).ResponseAsync.OrHang();

        Assert.Equal("factory", reply.Text);
    }
}
