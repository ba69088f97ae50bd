using Google.Protobuf;
using Khcn.Bench.V1;

namespace Khcn.Bench;

/// <summary>
/// The one definition of what every benchmark request carries, shared by the request-body
/// writer (for h2load), the bare Kestrel ceiling and our client, so all of them move the same bytes.
/// </summary>
public static class BenchPayload
{
    public const int DefaultSize = 64;

    /// <summary>Deterministic, non-zero pattern: a run of zeros could flatter a compressing peer.</summary>
    public static ByteString Create(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return ByteString.CopyFrom(bytes);
    }

    public static EchoRequest CreateRequest(int size) => new() { Payload = Create(size) };

    public static EchoResponse CreateResponse(int size) => new() { Payload = Create(size) };
}
