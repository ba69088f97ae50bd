using System.Threading.Channels;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Grpc.HealthCheck;

/// <summary>One Watch call's mailbox of status updates.</summary>
internal sealed class HealthStatusWatcher
{
    // Capacity 1, drop oldest: a slow watcher skips intermediate states but always ends up with the
    // latest one, and a stuck client can never make the server buffer without bound.
    private readonly Channel<ServingStatus> channel = Channel.CreateBounded<ServingStatus>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<ServingStatus> Updates => channel.Reader;

    public void Publish(ServingStatus status) => channel.Writer.TryWrite(status);

    public void Complete() => channel.Writer.TryComplete();
}
