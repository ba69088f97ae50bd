namespace Khcn.Security.Tests.Tokens;

/// <summary>A clock that stands still until a test moves it: the same token checked before and after its expiry.</summary>
internal sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
