using System.Threading.Channels;
using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.TestDoubles;

/// <summary>IAsyncStreamReader over a channel.</summary>
internal sealed class ChannelStreamReader<T>(ChannelReader<T> reader) : IAsyncStreamReader<T>
{
    public T Current { get; private set; } = default!;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await reader.WaitToReadAsync(cancellationToken) && reader.TryRead(out var item))
        {
            Current = item;
            return true;
        }

        return false;
    }
}

/// <summary>Client and server stream writer over a channel; messages go through the marshaller to prove it is used.</summary>
internal sealed class ChannelStreamWriter<T>(ChannelWriter<T> writer, Marshaller<T> marshaller) : IClientStreamWriter<T>, IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => writer.WriteAsync(marshaller.Deserializer(marshaller.Serializer(message))).AsTask();

    public Task CompleteAsync()
    {
        writer.TryComplete();
        return Task.CompletedTask;
    }
}
