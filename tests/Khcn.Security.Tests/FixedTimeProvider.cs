namespace Khcn.Security.Tests;

/// <summary>A clock that stands still, so token expiry and skew and certificate validity are checked at an exact instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
