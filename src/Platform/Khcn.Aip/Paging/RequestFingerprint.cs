using System.Security.Cryptography;
using System.Text;

namespace Khcn.Aip;

/// <summary>
/// A short, stable hash of the list parameters that must not change between pages (filter, order_by, parent...),
/// bound into page tokens so a token cannot be replayed against a different query.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            // Length prefixes keep ("ab", "c") and ("a", "bc") apart; null and "" mean the same (unset).
            var bytes = Encoding.UTF8.GetBytes(part ?? "");
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
