using System.IO.Compression;
using System.IO.Pipelines;
using Grpc.Core;
using Grpc.Net.Compression;
using Khcn.Grpc.Protocol;
using static Khcn.Grpc.Core.Api.Tests.Protocol.FrameBytes;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class CompressionTests
{
    public static TheoryData<string> Encodings => ["gzip", "deflate"];

    private static ICompressionProvider Provider(string name)
    {
        Assert.True(CompressionProviderRegistry.Default.TryGetProvider(name, out var provider));
        return provider;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task CompressedMessage_RoundTripsThroughFramer(string encoding)
    {
        var message = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Không tìm thấy tỉnh Quảng Trị. ", 200)));
        var pipe = new Pipe();

        await MessageFramer.WriteMessageAsync(pipe.Writer, message, WriteBytesLikeProtobuf, new MessageWriteOptions(Provider(encoding)));
        await pipe.Writer.CompleteAsync();
        var wire = (await pipe.Reader.ReadAsync()).Buffer;
        var flag = wire.FirstSpan[0];
        var wireLength = wire.Length;
        pipe.Reader.AdvanceTo(wire.Start);

        var read = await MessageFramer.ReadMessageAsync(pipe.Reader, ReadBytes, new MessageReadOptions(MessageEncoding: encoding));

        Assert.Equal(GrpcProtocolConstants.CompressedFlag, flag);
        Assert.True(wireLength < message.Length, "repetitive text must shrink");
        Assert.Equal(message, read);
    }

    [Fact]
    public void GzipEncoding_ProducesGzipFormat()
    {
        var compressed = Compress(Provider("gzip"), [1, 2, 3]);

        Assert.Equal(new byte[] { 0x1F, 0x8B }, compressed[..2]);
    }

    [Fact]
    public void DeflateEncoding_ProducesZlibFormat()
    {
        // gRPC "deflate" is zlib (RFC 1950): CMF byte 0x78 and a header checksum divisible by 31.
        var compressed = Compress(Provider("deflate"), [1, 2, 3]);

        Assert.Equal(0x78, compressed[0]);
        Assert.Equal(0, ((compressed[0] << 8) | compressed[1]) % 31);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void CompressionProvider_RoundTrips(string encoding)
    {
        var data = Payload(10_000);
        var provider = Provider(encoding);

        using var decompressor = provider.CreateDecompressionStream(new MemoryStream(Compress(provider, data)));
        using var output = new MemoryStream();
        decompressor.CopyTo(output);

        Assert.Equal(data, output.ToArray());
    }

    [Fact]
    public async Task DecompressedSizeAboveMax_FailsWithResourceExhausted()
    {
        // 1 MiB of zeros compresses to about a kilobyte: the limit must apply after decompression too.
        var compressed = Compress(Provider("gzip"), new byte[1024 * 1024]);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(1, compressed));
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFramer.ReadMessageAsync(pipe.Reader, ReadBytes, new MessageReadOptions(MaxMessageSize: 64 * 1024, MessageEncoding: "gzip")));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task CorruptCompressedPayload_FailsWithInternal()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(1, [1, 2, 3, 4, 5, 6, 7, 8]));
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await MessageFramer.ReadMessageAsync(pipe.Reader, ReadBytes, new MessageReadOptions(MessageEncoding: "gzip")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public void AcceptEncoding_ListsIdentityThenProviders()
    {
        Assert.Equal("identity,gzip,deflate", CompressionProviderRegistry.Default.AcceptEncoding);
        Assert.True(CompressionProviderRegistry.Default.TryGetProvider("GZIP", out _));
        Assert.False(CompressionProviderRegistry.Default.TryGetProvider("br", out _));
    }

    private static byte[] Compress(ICompressionProvider provider, byte[] data)
    {
        using var output = new MemoryStream();
        using (var compressor = provider.CreateCompressionStream(output, CompressionLevel.Optimal))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
