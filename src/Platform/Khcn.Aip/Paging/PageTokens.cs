using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// Opaque page tokens (AIP-158): URL-safe base64 of a versioned payload holding the next offset and the request
/// fingerprint, plus a checksum so edited tokens are rejected instead of silently skipping rows.
/// </summary>
/// <remarks>The checksum is not a signature: tokens are not secrets, they only must not be trusted blindly.</remarks>
public static class PageTokens
{
    private const byte Version = 1;
    private const int ChecksumLength = 8;
    private const int MaxFingerprintBytes = 64;
    private const string Field = "page_token";
    private const string Mismatch = "page_token does not belong to this request: keep filter and order_by unchanged between pages";

    public static string Encode(int offset, string fingerprint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var fingerprintBytes = Encoding.UTF8.GetBytes(fingerprint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fingerprintBytes.Length, MaxFingerprintBytes, nameof(fingerprint));

        var body = new byte[1 + 4 + 1 + fingerprintBytes.Length];
        body[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), offset);
        body[5] = (byte)fingerprintBytes.Length;
        fingerprintBytes.CopyTo(body, 6);

        return Base64Url.EncodeToString([.. body, .. Checksum(body)]);
    }

    /// <summary>The offset in <paramref name="token"/>; 0 for an empty token; INVALID_ARGUMENT when malformed or issued for another request.</summary>
    public static int Decode(string? token, string fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        if (!TryReadPayload(token, out var offset, out var tokenFingerprint)
            || !string.Equals(tokenFingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw ApiException.InvalidArgument(
                "The page_token is invalid.",
                new FieldViolation(Field, Mismatch));
        }

        return offset;
    }

    private static bool TryReadPayload(string token, out int offset, out string fingerprint)
    {
        offset = 0;
        fingerprint = "";
        if (token.Length > 256 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < 6 + ChecksumLength || bytes[0] != Version)
        {
            return false;
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (body.Length != 6 + body[5]
            || !CryptographicOperations.FixedTimeEquals(Checksum(body), bytes.AsSpan(body.Length)))
        {
            return false;
        }

        offset = BinaryPrimitives.ReadInt32BigEndian(body[1..]);
        fingerprint = Encoding.UTF8.GetString(body[6..]);
        return offset >= 0;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];
}
