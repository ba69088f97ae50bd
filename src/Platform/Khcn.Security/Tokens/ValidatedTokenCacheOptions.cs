namespace Khcn.Security.Tokens;

/// <summary>
/// The cache of tokens that passed validation (<c>Authentication:Jwt:TokenCache</c>). A caller sends the same token
/// on every call until it expires; verifying its signature each time is most of what authentication costs.
/// </summary>
public sealed class ValidatedTokenCacheOptions
{
    public const int DefaultMaxEntries = 10_000;

    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>At most this many tokens are remembered; 0 turns the cache off (every call verifies the signature).</summary>
    public int MaxEntries { get; set; } = DefaultMaxEntries;

    /// <summary>
    /// A remembered token is verified again after this long, even if it expires later: it bounds how long a decision
    /// taken under the configuration of that moment is reused.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = DefaultMaxAge;

    public bool IsEnabled => MaxEntries > 0 && MaxAge > TimeSpan.Zero;
}
