namespace Khcn.Tests.Infrastructure;

/// <summary>
/// A word no other test uses (a prefix, "mk" by default, and 10 hex digits). Tests of a class share one database, so
/// each test puts its own marker in titles or codes and filters on it instead of assuming an empty register.
/// </summary>
public static class TestMarker
{
    public static string New(string prefix = "mk") => prefix + Guid.NewGuid().ToString("N")[..10];
}
