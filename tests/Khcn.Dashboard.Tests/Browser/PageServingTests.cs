using System.Net;
using System.Text.RegularExpressions;
using Khcn.Dashboard.Tests.Infrastructure;

namespace Khcn.Dashboard.Tests.Browser;

/// <summary>The page's files as the dashboard serves them from the assembly: types, caching and the CSP.</summary>
public sealed partial class PageServingTests
{
    [Theory]
    [InlineData("/", "text/html; charset=utf-8")]
    [InlineData("/index.html", "text/html; charset=utf-8")]
    [InlineData("/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/app.css", "text/css; charset=utf-8")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task EachFile_IsServedWithItsContentType_NoCache_AndTheStrictPolicy(string path, string contentType)
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        using var response = await dashboard.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoCache);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Root_IsIndexHtml_WhoseScriptsAreAllExternal()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        var root = await dashboard.Http.GetStringAsync("/");
        var index = await dashboard.Http.GetStringAsync("/index.html");

        Assert.Equal(index, root);
        var scripts = ScriptTag().Matches(root);
        Assert.NotEmpty(scripts);
        // The policy forbids inline script: a <script> without src would simply not run.
        Assert.All(scripts, script => Assert.Contains("src=", script.Value));
        Assert.DoesNotMatch(InlineStyleOrHandler(), root);
    }

    [Fact]
    public async Task UnknownFile_IsNotFound()
    {
        await using var dashboard = await RunningDashboard.StartAsync();

        using var response = await dashboard.Http.GetAsync("/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]*\s(style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();
}
