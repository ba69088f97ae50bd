namespace Khcn.ProvinceReference.Tests.Infrastructure;

/// <summary>A clock the test sets, so "today" is a chosen day.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
