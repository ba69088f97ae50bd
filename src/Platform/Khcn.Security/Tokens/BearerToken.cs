using System.Buffers;

namespace Khcn.Security.Tokens;

/// <summary>Reads the token from an <c>Authorization</c> header value (RFC 6750 §2.1).</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer";

    // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");

    /// <summary>
    /// True when <paramref name="authorizationHeader"/> is <c>Bearer &lt;b64token&gt;</c>; the scheme is
    /// case-insensitive (RFC 7235 §2.1) and surrounding whitespace is ignored.
    /// </summary>
    public static bool TryRead(string? authorizationHeader, out string token)
    {
        token = "";
        var value = authorizationHeader.AsSpan().Trim();
        if (value.Length <= Scheme.Length
            || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || value[Scheme.Length] != ' ')
        {
            return false;
        }

        var candidate = value[Scheme.Length..].TrimStart(' ');
        if (!IsB64Token(candidate))
        {
            return false;
        }

        token = candidate.ToString();
        return true;
    }

    private static bool IsB64Token(ReadOnlySpan<char> candidate)
    {
        var body = candidate.TrimEnd('=');
        return body.Length > 0 && !body.ContainsAnyExcept(TokenCharacters);
    }
}
