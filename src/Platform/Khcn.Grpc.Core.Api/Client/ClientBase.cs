using Grpc.Core.Interceptors;

namespace Grpc.Core;

/// <summary>Base class of generated clients.</summary>
public abstract class ClientBase
{
    /// <summary>For mocking: calls fail with <see cref="NotImplementedException"/>.</summary>
    protected ClientBase()
        : this(new UnimplementedCallInvoker())
    {
    }

    protected ClientBase(ChannelBase channel)
        : this(CreateInvoker(channel))
    {
    }

    protected ClientBase(CallInvoker callInvoker)
        : this(new ClientBaseConfiguration(callInvoker, null))
    {
    }

    protected ClientBase(ClientBaseConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        CallInvoker = configuration.CreateDecoratedCallInvoker();
    }

    /// <summary>Invoker all calls of this client go through.</summary>
    public CallInvoker CallInvoker { get; }

    internal ClientBaseConfiguration Configuration { get; }

    private static CallInvoker CreateInvoker(ChannelBase channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker();
    }

    /// <summary>Immutable configuration a client is created from; lets <c>WithHost</c> derive new clients.</summary>
    protected internal class ClientBaseConfiguration
    {
        private readonly CallInvoker _undecoratedCallInvoker;
        private readonly string? _host;

        internal ClientBaseConfiguration(CallInvoker undecoratedCallInvoker, string? host)
        {
            ArgumentNullException.ThrowIfNull(undecoratedCallInvoker);
            _undecoratedCallInvoker = undecoratedCallInvoker;
            _host = host;
        }

        internal CallInvoker CreateDecoratedCallInvoker() =>
            _host is null ? _undecoratedCallInvoker : _undecoratedCallInvoker.Intercept(new HostOverrideInterceptor(_host));

        internal ClientBaseConfiguration WithHost(string host)
        {
            ArgumentNullException.ThrowIfNull(host);
            return new ClientBaseConfiguration(_undecoratedCallInvoker, host);
        }
    }
}
