using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Grpc.Core.Api.Tests.Generated;
using Khcn.Grpc.Core.Api.Tests.TestDoubles;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class ChannelAndCredentialsTests
{
    [Fact]
    public async Task ClientConstructedFromChannel_UsesChannelCallInvoker()
    {
        var channel = new InMemoryChannel();

        var reply = await new Echo.EchoClient(channel).UnaryAsync(new EchoRequest { Text = "kênh" });

        Assert.Equal("kênh", reply.Text);
        Assert.Equal(1, channel.InvokersCreated);
    }

    [Fact]
    public async Task ChannelIntercept_AppliesInterceptorToCalls()
    {
        var channel = new InMemoryChannel();
        var invoker = channel.Intercept(headers =>
        {
            headers.Add("authorization", "Bearer t");
            return headers;
        });

        await new Echo.EchoClient(invoker).UnaryAsync(new EchoRequest());

        Assert.Equal("Bearer t", channel.LastInvoker!.Calls.Single().Headers!.GetValue("authorization"));
    }

    [Fact]
    public async Task ShutdownAsync_RunsShutdownAsyncCore()
    {
        var channel = new InMemoryChannel();

        await channel.ShutdownAsync();

        Assert.True(channel.IsShutdown);
        Assert.Equal("in-memory", channel.Target);
    }

    [Fact]
    public async Task CallCredentialsFromInterceptor_ExposesInterceptorToTransport()
    {
        var credentials = CallCredentials.FromInterceptor((context, metadata) =>
        {
            metadata.Add("authorization", $"Bearer for {context.MethodName}");
            return Task.CompletedTask;
        });
        var configurator = new RecordingCallCredentialsConfigurator();

        credentials.InternalPopulateConfiguration(configurator, null);
        var metadata = new Metadata();
        await configurator.Interceptor!(new AuthInterceptorContext("https://localhost/khcn.testing.v1.Echo", "Unary"), metadata);

        Assert.Equal("Bearer for Unary", metadata.GetValue("authorization"));
    }

    [Fact]
    public void InsecureChannelCredentials_CannotBeComposedWithCallCredentials()
    {
        var callCredentials = CallCredentials.FromInterceptor((_, _) => Task.CompletedTask);

        Assert.Throws<ArgumentException>(() => ChannelCredentials.Create(ChannelCredentials.Insecure, callCredentials));
        Assert.NotNull(ChannelCredentials.Create(ChannelCredentials.SecureSsl, callCredentials));
    }

    [Fact]
    public void ServerCallContext_UserStateIsCreatedOncePerCall()
    {
        var context = new TestServerCallContext("/svc/m", null, [], CancellationToken.None);

        context.UserState["key"] = "value";

        Assert.Equal("value", context.UserState["key"]);
        Assert.Equal("/svc/m", context.Method);
    }

    [Fact]
    public void MethodFullName_IsSlashServiceSlashMethod()
    {
        var method = new Method<string, string>(MethodType.Unary, "khcn.provinces.v1.ProvinceService", "GetProvince", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        Assert.Equal("/khcn.provinces.v1.ProvinceService/GetProvince", method.FullName);
    }

    private sealed class InMemoryChannel() : ChannelBase("in-memory")
    {
        public int InvokersCreated { get; private set; }

        public InMemoryCallInvoker? LastInvoker { get; private set; }

        public bool IsShutdown { get; private set; }

        public override CallInvoker CreateCallInvoker()
        {
            var binder = new InMemoryServiceBinder();
            Echo.BindService(new EchoService()).BindService(binder);
            InvokersCreated++;
            return LastInvoker = new InMemoryCallInvoker(binder);
        }

        protected override Task ShutdownAsyncCore()
        {
            IsShutdown = true;
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingCallCredentialsConfigurator : CallCredentialsConfiguratorBase
    {
        public AsyncAuthInterceptor? Interceptor { get; private set; }

        public override void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor) => Interceptor = interceptor;

        public override void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials) =>
            throw new InvalidOperationException("not composite");
    }
}
