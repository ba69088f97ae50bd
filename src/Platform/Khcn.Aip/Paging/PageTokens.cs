using System.Buffers.Binary;

namespace Khcn.Aip;

/// <summary>
/// Offset page tokens (AIP-158) for lists paged by position, such as the in-memory province listing: the next
/// offset, sealed with the request fingerprint and a checksum by <see cref="PageTokenEnvelope"/>.
/// </summary>
public static class PageTokens
{
    // 1 was the layout before the shared envelope; its tokens are now rejected like any foreign token.
    private const byte Version = 2;

    public static string Encode(int offset, string fingerprint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Span<byte> payload = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(payload, offset);
        return PageTokenEnvelope.Seal(Version, fingerprint, payload);
    }

    /// <summary>The offset in <paramref name="token"/>; 0 for an empty token; INVALID_ARGUMENT when malformed or issued for another request.</summary>
    public static int Decode(string? token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        var payload = PageTokenEnvelope.Open(token, Version, fingerprint);
        var offset = payload.Length == sizeof(int) ? BinaryPrimitives.ReadInt32BigEndian(payload) : -1;
        return offset >= 0 ? offset : throw PageTokenEnvelope.Rejected();
    }
}
