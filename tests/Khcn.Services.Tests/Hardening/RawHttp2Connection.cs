using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// Just enough HTTP/2 over a plain socket (prior knowledge, no TLS) to see what a server advertises and how it treats
/// streams: the preface, SETTINGS, HEADERS with literal HPACK fields, and frames read back one by one.
/// </summary>
public sealed class RawHttp2Connection : IAsyncDisposable
{
    public const byte DataFrame = 0x0;
    public const byte HeadersFrame = 0x1;
    public const byte RstStreamFrame = 0x3;
    public const byte SettingsFrame = 0x4;
    public const byte GoAwayFrame = 0x7;
    public const ushort MaxConcurrentStreamsSetting = 0x3;
    public const uint RefusedStreamError = 0x7;

    private const byte EndHeadersFlag = 0x4;
    private const byte AckFlag = 0x1;
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly string _authority;

    private RawHttp2Connection(TcpClient client, string authority)
    {
        _client = client;
        _stream = client.GetStream();
        _authority = authority;
    }

    public sealed record Frame(byte Type, byte Flags, int StreamId, byte[] Payload)
    {
        public uint ErrorCode => BinaryPrimitives.ReadUInt32BigEndian(Payload);

        public IReadOnlyDictionary<ushort, uint> Settings()
        {
            var settings = new Dictionary<ushort, uint>();
            for (var offset = 0; offset + 6 <= Payload.Length; offset += 6)
            {
                settings[BinaryPrimitives.ReadUInt16BigEndian(Payload.AsSpan(offset))] = BinaryPrimitives.ReadUInt32BigEndian(Payload.AsSpan(offset + 2));
            }

            return settings;
        }
    }

    /// <summary>Connects, sends the preface and an empty SETTINGS frame.</summary>
    public static async Task<RawHttp2Connection> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancellationToken);
        var connection = new RawHttp2Connection(client, address.Authority);
        await connection._stream.WriteAsync(Preface, cancellationToken);
        await connection.WriteFrameAsync(SettingsFrame, 0, 0, [], cancellationToken);
        return connection;
    }

    /// <summary>Opens a POST stream to <paramref name="path"/> without ending it, so it stays active on the server.</summary>
    public Task OpenStreamAsync(int streamId, string path, CancellationToken cancellationToken)
    {
        var block = new List<byte>();
        foreach (var (name, value) in new[]
        {
            (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", _authority),
            ("content-type", "application/grpc"), ("te", "trailers"),
        })
        {
            // Literal header field without indexing, new name (RFC 7541 6.2.2); every string here is under 127 bytes.
            block.Add(0x00);
            AddString(block, name);
            AddString(block, value);
        }

        return WriteFrameAsync(HeadersFrame, EndHeadersFlag, streamId, [.. block], cancellationToken);
    }

    /// <summary>The next frame the server sends; SETTINGS are acknowledged as they come.</summary>
    public async Task<Frame> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var header = new byte[9];
        await _stream.ReadExactlyAsync(header, cancellationToken);
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, cancellationToken);
        var frame = new Frame(header[3], header[4], (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7FFF_FFFF), payload);
        if (frame.Type == SettingsFrame && (frame.Flags & AckFlag) == 0)
        {
            await WriteFrameAsync(SettingsFrame, AckFlag, 0, [], cancellationToken);
        }

        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task WriteFrameAsync(byte type, byte flags, int streamId, byte[] payload, CancellationToken cancellationToken)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
        payload.CopyTo(frame, 9);
        await _stream.WriteAsync(frame, cancellationToken);
    }

    private static void AddString(List<byte> block, string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        block.Add((byte)bytes.Length);
        block.AddRange(bytes);
    }
}
