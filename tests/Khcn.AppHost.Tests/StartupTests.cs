using System.Text.Json;
using Grpc.Health.V1;
using Khcn.AppHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

public class StartupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartsEveryResourceHealthy_AndEachServiceAnswersThroughThePrintedAddress()
    {
        await using var appHost = AppHostProcess.Start(output, []);
        var summary = await appHost.WaitUntilReadyAsync();

        foreach (var name in (string[])["cache", .. StackCalls.Services])
        {
            Assert.True(summary[name].IsHealthy, appHost.Describe($"{name} is {summary[name].State}, not healthy."));
            Assert.NotNull(summary[name].Pid);
        }

        foreach (var service in StackCalls.Services)
        {
            var address = summary[service].Endpoint!;
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await StackCalls.CheckHealthAsync(address));
            Assert.True(await StackCalls.CountFirstPageAsync(service, address) > 0, appHost.Describe($"{service} at {address} lists nothing: its seeds did not load."));
        }

        // Without --postgres the services keep their SQLite files where the environment said (children inherit it).
        Assert.True(File.Exists(Path.Combine(appHost.WorkDirectory, "provinces.db")), appHost.Describe("provinces did not open the SQLite file its environment names."));

        await AssertTryCommandPrintsQuangTriAsync(summary, appHost);
    }

    private static async Task AssertTryCommandPrintsQuangTriAsync(ReadySummary summary, AppHostProcess appHost)
    {
        Assert.True(summary.TryCommand is not null, appHost.Describe("The summary has no 'try:' line."));

        var (exitCode, stdout, stderr) = await ShellCommand.RunAsync(summary.TryCommand, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"'{summary.TryCommand}' exited with {exitCode}:\n{stdout}\n{stderr}");
        using var province = JsonDocument.Parse(stdout);
        Assert.Equal("provinces/44", province.RootElement.GetProperty("name").GetString());
        // UTF-8 as is, not \u escapes: what a developer reads in the terminal.
        Assert.Contains("\"display_name\": \"Quảng Trị\"", stdout, StringComparison.Ordinal);
    }
}
