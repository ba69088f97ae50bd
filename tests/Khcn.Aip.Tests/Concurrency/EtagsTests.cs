using Khcn.Aip;

namespace Khcn.Aip.Tests.Concurrency;

public sealed class EtagsTests
{
    [Fact]
    public void Etag_is_the_quoted_version()
    {
        Assert.Equal("\"7\"", Etags.For(7));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"7\"")]
    [InlineData("7")]
    public void Empty_or_current_etag_passes(string? requested)
    {
        Etags.EnsureMatches(requested, 7, "khcn.tasks.v1.Task", "tasks/abc");
    }

    [Theory]
    [InlineData("\"6\"")]
    [InlineData("W/\"7\"")]
    [InlineData("\"7")]
    [InlineData("seven")]
    public void Stale_weak_or_malformed_etag_is_aborted(string requested)
    {
        var e = Assert.Throws<ApiException>(() => Etags.EnsureMatches(requested, 7, "khcn.tasks.v1.Task", "tasks/abc"));

        Assert.Equal((ApiErrorCode.Aborted, "ETAG_MISMATCH", "tasks/abc"), (e.Code, e.Reason, e.ResourceName));
    }
}
