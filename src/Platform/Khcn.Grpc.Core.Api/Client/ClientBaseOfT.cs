namespace Grpc.Core;

/// <summary>Generic base class of generated clients; <typeparamref name="T"/> is the concrete client type.</summary>
public abstract class ClientBase<T> : ClientBase
    where T : ClientBase<T>
{
    protected ClientBase()
    {
    }

    protected ClientBase(ChannelBase channel)
        : base(channel)
    {
    }

    protected ClientBase(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    protected ClientBase(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    /// <summary>Creates a new client that sends the given host (":authority") with every call.</summary>
    public T WithHost(string host) => NewInstance(Configuration.WithHost(host));

    /// <summary>Creates a new instance of the concrete client with the given configuration.</summary>
    protected abstract T NewInstance(ClientBaseConfiguration configuration);
}
