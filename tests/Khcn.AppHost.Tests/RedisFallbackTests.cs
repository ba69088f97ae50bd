using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Khcn.AppHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

public partial class RedisFallbackTests(ITestOutputHelper output)
{
    // What the AppHost runs from PATH, redis-server aside. python3 is Debian's, which the try: command names anyway.
    private static readonly string[] ProgramsTheAppHostNeeds = ["setsid", "setpriv", "sh", "python3"];
    private static readonly string[] SystemDirectories = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];

    [GeneratedRegex(@"^\[apphost\]\s+cache: .*redis-server")]
    private static partial Regex CacheFallbackLine();

    [Fact]
    public async Task WithoutRedisServer_TheStackFallsBackToTheInMemoryCache()
    {
        await using var appHost = AppHostProcess.Start(output, [], work => new Dictionary<string, string> { ["PATH"] = PathWithoutRedis(work) });
        var summary = await appHost.WaitUntilReadyAsync();

        Assert.Equal("fallback", summary["cache"].State);
        Assert.Null(summary["cache"].Pid);
        await appHost.WaitForLineAsync(CacheFallbackLine(), "what cache fell back to (mentioning redis-server)", TimeSpan.FromSeconds(5));
        foreach (var service in StackCalls.Services)
        {
            var address = summary[service].Endpoint!;
            Assert.True(summary[service].IsHealthy, appHost.Describe($"{service} is {summary[service].State}, not healthy."));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StackCalls.CheckHealthAsync(address));
            Assert.True(await StackCalls.CountFirstPageAsync(service, address) > 0, appHost.Describe($"{service} lists nothing."));
        }
    }

    /// <summary>A PATH of one folder holding links to what the AppHost needs, and no redis-server.</summary>
    private static string PathWithoutRedis(string workDirectory)
    {
        var bin = Directory.CreateDirectory(Path.Combine(workDirectory, "bin")).FullName;
        foreach (var program in ProgramsTheAppHostNeeds)
        {
            var target = SystemDirectories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"{program} is not installed in {string.Join(", ", SystemDirectories)}.");
            File.CreateSymbolicLink(Path.Combine(bin, program), target);
        }

        return bin;
    }
}
