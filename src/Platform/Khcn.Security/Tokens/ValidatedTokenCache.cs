using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Khcn.Security.Tokens;

/// <summary>
/// Tokens that passed full validation, keyed by the SHA-256 of the whole token (header, claims and signature), so a
/// token changed in any byte is a different key and is validated from scratch. Only acceptances are stored. An entry
/// serves until the token's exp (plus the clock skew the validator allows) or <see cref="ValidatedTokenCacheOptions.MaxAge"/>,
/// whichever comes first, judged on the injected clock at every lookup. Bounded: when full, stale entries are dropped
/// and, if it is still full, new tokens are validated without being remembered until room frees up (calls adding at the
/// same instant may overshoot the bound by their number, never more).
/// </summary>
internal sealed class ValidatedTokenCache(ValidatedTokenCacheOptions options, TimeSpan clockSkew, TimeProvider clock)
{
    private readonly ConcurrentDictionary<TokenDigest, Entry> entries = new();

    public int Count => entries.Count;

    public bool TryGet(string token, [NotNullWhen(true)] out TokenValidationOutcome? accepted)
    {
        var digest = TokenDigest.Of(token);
        if (entries.TryGetValue(digest, out var entry))
        {
            if (entry.IsServableAt(clock.GetUtcNow()))
            {
                accepted = entry.Accepted;
                return true;
            }

            // Expired or aged out: gone, so the full validation that follows decides (and reports "expired").
            entries.TryRemove(new KeyValuePair<TokenDigest, Entry>(digest, entry));
        }

        accepted = null;
        return false;
    }

    public void Add(string token, TokenValidationOutcome accepted, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        var entry = new Entry(accepted, Min(expires + clockSkew, now + options.MaxAge));
        if (entries.Count >= options.MaxEntries)
        {
            RemoveStale(now);
            if (entries.Count >= options.MaxEntries)
            {
                return;
            }
        }

        entries[TokenDigest.Of(token)] = entry;
    }

    private void RemoveStale(DateTimeOffset now)
    {
        foreach (var pair in entries)
        {
            if (!pair.Value.IsServableAt(now))
            {
                entries.TryRemove(pair);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(TokenValidationOutcome Accepted, DateTimeOffset ServableUntil)
    {
        public bool IsServableAt(DateTimeOffset now) => now <= ServableUntil;
    }

    /// <summary>The token's SHA-256: the cache never holds the token itself, only what identifies it.</summary>
    private readonly record struct TokenDigest(ulong A, ulong B, ulong C, ulong D)
    {
        public static TokenDigest Of(string token)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var maxBytes = Encoding.UTF8.GetMaxByteCount(token.Length);
            // Tokens are a few hundred bytes; only an absurd one goes to the heap.
            Span<byte> utf8 = maxBytes <= 4096 ? stackalloc byte[maxBytes] : new byte[maxBytes];
            var length = Encoding.UTF8.GetBytes(token, utf8);
            SHA256.HashData(utf8[..length], hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenDigest(words[0], words[1], words[2], words[3]);
        }
    }
}
