namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>
/// A deadline far enough away for a loaded 2-core machine: it only stops a broken test from hanging
/// forever, it never measures speed.
/// </summary>
public static class TestDeadline
{
    public static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    public static DateTime FromNow => DateTime.UtcNow + Generous;
}
