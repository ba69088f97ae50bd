using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// The wrapping every page token shares (AIP-158): URL-safe base64 of
/// <c>[version][fingerprint length][fingerprint][payload][checksum]</c>. The version byte tells the token kinds
/// apart (an offset token is never read as a keyset token), the fingerprint binds the token to the request that
/// issued it, and the checksum rejects edited tokens instead of silently skipping rows.
/// </summary>
/// <remarks>The checksum is not a signature: tokens are not secrets, they only must not be trusted blindly.</remarks>
internal static class PageTokenEnvelope
{
    /// <summary>Bounds the work an arbitrary client string can cause; keyset tokens carry text keys, so this is generous.</summary>
    public const int MaxTokenLength = 8192;

    private const int ChecksumLength = 8;
    private const int MaxFingerprintBytes = 64;
    private const int HeaderLength = 2;
    private const string Field = "page_token";
    private const string Mismatch = "page_token does not belong to this request: keep filter and order_by unchanged between pages";

    public static string Seal(byte version, string fingerprint, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var fingerprintBytes = Encoding.UTF8.GetBytes(fingerprint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fingerprintBytes.Length, MaxFingerprintBytes, nameof(fingerprint));

        var bytes = new byte[HeaderLength + fingerprintBytes.Length + payload.Length + ChecksumLength];
        bytes[0] = version;
        bytes[1] = (byte)fingerprintBytes.Length;
        fingerprintBytes.CopyTo(bytes, HeaderLength);
        payload.CopyTo(bytes.AsSpan(HeaderLength + fingerprintBytes.Length));
        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        Checksum(body).CopyTo(bytes.AsSpan(body.Length));

        var token = Base64Url.EncodeToString(bytes);
        if (token.Length > MaxTokenLength)
        {
            // Only a key value of several kilobytes gets here; a token the decoder would refuse must not be issued.
            throw new InvalidOperationException($"The page token would be {token.Length} characters, above the {MaxTokenLength} a request may send back.");
        }

        return token;
    }

    /// <summary>The payload of <paramref name="token"/>; INVALID_ARGUMENT when it is malformed, edited, of another kind or issued for another request.</summary>
    public static byte[] Open(string token, byte version, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            throw Rejected();
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length < HeaderLength + ChecksumLength || bytes[0] != version)
        {
            throw Rejected();
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        var fingerprintLength = bytes[1];
        if (body.Length < HeaderLength + fingerprintLength
            || !CryptographicOperations.FixedTimeEquals(Checksum(body), bytes.AsSpan(body.Length))
            || !body.Slice(HeaderLength, fingerprintLength).SequenceEqual(Encoding.UTF8.GetBytes(fingerprint)))
        {
            throw Rejected();
        }

        return body[(HeaderLength + fingerprintLength)..].ToArray();
    }

    /// <summary>The one answer to every unusable token: the client learns the rule, not which check failed.</summary>
    public static ApiException Rejected() =>
        ApiException.InvalidArgument("The page_token is invalid.", new FieldViolation(Field, Mismatch));

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];
}
