using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Khcn.Aip;

namespace Khcn.Tasks.Application.Streams;

/// <summary>
/// WatchTasks resume tokens: opaque to clients, as page tokens are (AIP-158 style). URL-safe base64 of a versioned
/// payload, the history sequence of the last change sent, plus a checksum so an edited or truncated token is refused
/// instead of silently resuming at the wrong place. Not a secret and not signed: it only must not be trusted blindly.
/// </summary>
public static class WatchResumeTokens
{
    private const byte Version = 1;
    private const int SequenceLength = 8;
    private const int ChecksumLength = 8;
    private const int TokenLength = 1 + SequenceLength + ChecksumLength;
    private const string Field = "resume_token";

    public static string Encode(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(token[1..], sequence);
        Checksum(token[..(1 + SequenceLength)]).CopyTo(token[(1 + SequenceLength)..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The sequence in <paramref name="token"/>; INVALID_ARGUMENT when it is not a token this service issued.</summary>
    public static long Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!TryDecode(token, out var sequence))
        {
            throw ApiException.InvalidArgument(
                "INVALID_RESUME_TOKEN",
                "The resume_token is invalid.",
                new FieldViolation(Field, "must be a resume_token from a WatchTasksResponse, unchanged; or empty to start from now"));
        }

        return sequence;
    }

    private static bool TryDecode(string token, out long sequence)
    {
        sequence = 0;
        if (token.Length > 64 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length != TokenLength || bytes[0] != Version)
        {
            return false;
        }

        var body = bytes.AsSpan(0, 1 + SequenceLength);
        if (!CryptographicOperations.FixedTimeEquals(Checksum(body), bytes.AsSpan(1 + SequenceLength)))
        {
            return false;
        }

        sequence = BinaryPrimitives.ReadInt64BigEndian(body[1..]);
        return sequence >= 0;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];
}
