using System.Globalization;

namespace Khcn.Aip;

/// <summary>Strong etags derived from a resource's version counter (AIP-154).</summary>
public static class Etags
{
    /// <summary>The quoted etag of <paramref name="version"/>, e.g. "\"7\"".</summary>
    public static string For(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// ABORTED (ETAG_MISMATCH) unless <paramref name="requested"/> is empty or names <paramref name="currentVersion"/>.
    /// Comparison is strong: a weak etag (W/"7") never matches. The bare version ("7") is accepted because clients
    /// that build requests by hand often drop the quotes.
    /// </summary>
    public static void EnsureMatches(string? requested, long currentVersion, string resourceType, string resourceName)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return;
        }

        var current = For(currentVersion);
        if (string.Equals(requested, current, StringComparison.Ordinal)
            || string.Equals(requested, current[1..^1], StringComparison.Ordinal))
        {
            return;
        }

        throw ApiException.EtagMismatch(resourceType, resourceName);
    }
}
