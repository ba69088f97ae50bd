namespace Khcn.Caching;

/// <summary>Per-entry overrides of <see cref="KhcnCacheOptions"/>.</summary>
/// <param name="Expiration">Time to live in the shared cache; null for <see cref="KhcnCacheOptions.DefaultExpiration"/>.</param>
/// <param name="LocalExpiration">Time to live in the first level; null for <see cref="KhcnCacheOptions.LocalExpiration"/>.</param>
public sealed record KhcnCacheEntryOptions(TimeSpan? Expiration = null, TimeSpan? LocalExpiration = null);
