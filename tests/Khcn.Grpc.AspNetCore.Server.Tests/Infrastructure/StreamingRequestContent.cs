using System.Net;
using System.Threading.Channels;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;

/// <summary>Request body whose chunks the test pushes one at a time; each is flushed so the server sees it at once.</summary>
public sealed class StreamingRequestContent : HttpContent
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();

    public ValueTask WriteAsync(byte[] chunk) => _chunks.Writer.WriteAsync(chunk);

    public void Complete() => _chunks.Writer.TryComplete();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await foreach (var chunk in _chunks.Reader.ReadAllAsync())
        {
            await stream.WriteAsync(chunk);
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
