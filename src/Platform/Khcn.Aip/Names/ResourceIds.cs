using System.Security.Cryptography;

namespace Khcn.Aip;

/// <summary>Resource ids (AIP-122): lower-case letters, digits and hyphens, 4 to 63 characters, starting with a letter.</summary>
public static class ResourceIds
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    // RFC 4648 base32 alphabet in lower case: no characters that are easy to confuse (0/o, 1/l).
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    private const int GeneratedLength = 20;

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length is < 4 or > 63 || !char.IsAsciiLetterLower(id[0]))
        {
            return false;
        }

        var last = id[^1];
        if (!char.IsAsciiLetterLower(last) && !char.IsAsciiDigit(last))
        {
            return false;
        }

        return id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }

    /// <summary>A random, valid id: 20 characters (about 99 bits), starting with a letter.</summary>
    public static string New() =>
        string.Concat(
            RandomNumberGenerator.GetString(Letters, 1),
            RandomNumberGenerator.GetString(Base32, GeneratedLength - 1));

    /// <summary>INVALID_ARGUMENT on <paramref name="field"/> when <paramref name="id"/> is not a valid AIP-122 id.</summary>
    public static void Validate(string? id, string field)
    {
        if (!IsValid(id))
        {
            throw ApiException.InvalidArgument(
                $"{field} \"{id}\" is not a valid resource id.",
                new FieldViolation(field, "must be 4 to 63 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen"));
        }
    }
}
