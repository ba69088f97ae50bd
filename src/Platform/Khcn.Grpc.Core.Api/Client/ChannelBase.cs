namespace Grpc.Core;

/// <summary>Base class for gRPC channels: a long-lived connection to a target that creates call invokers.</summary>
public abstract class ChannelBase
{
    protected ChannelBase(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
    }

    /// <summary>The original target used to create the channel.</summary>
    public string Target { get; }

    public abstract CallInvoker CreateCallInvoker();

    /// <summary>Shuts the channel down; pending calls are handled as the transport decides.</summary>
    public Task ShutdownAsync() => ShutdownAsyncCore();

    protected virtual Task ShutdownAsyncCore() => Task.CompletedTask;
}
