using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.AppHost.Tests.Infrastructure;
using Khcn.Provinces.V1;
using Xunit.Abstractions;

namespace Khcn.AppHost.Tests;

/// <summary>
/// <c>--secure</c>: the whole stack over TLS from a development CA generated for the run, with bearer tokens required;
/// the services call each other over mutual TLS, with the caller's token or their own.
/// </summary>
public class SecureModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SecureStack_IsHealthyOverTls_RefusesPlaintextAndAnonymousCalls_AndServesTheDeveloperEndToEnd()
    {
        await using var appHost = AppHostProcess.Start(output, ["--secure"]);
        var summary = await appHost.WaitUntilReadyAsync();
        var secure = SecureStackCalls.Of(summary);

        foreach (var name in (string[])["cache", .. StackCalls.Services])
        {
            Assert.True(summary[name].IsHealthy, appHost.Describe($"{name} is {summary[name].State}, not healthy."));
        }

        foreach (var service in StackCalls.Services)
        {
            var address = summary[service].Endpoint!;
            Assert.StartsWith("https://127.0.0.1:", address, StringComparison.Ordinal);
            using var channel = secure.Channel(address);
            var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), SecureStackCalls.Anonymous());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        var provinces = summary["provinces"].Endpoint!;
        await AssertTryCommandWorksAsync(summary);
        await AssertPlaintextIsRefusedAsync(provinces);
        await AssertAnonymousIsUnauthenticatedAsync(secure, provinces);
        await AssertOverviewCrossesEveryServiceAsync(secure, provinces, appHost);
        await AssertServiceCertificateIsTheServicesOwnGrantAsync(secure, provinces, summary["tasks"].Endpoint!);
    }

    private static async Task AssertTryCommandWorksAsync(ReadySummary summary)
    {
        Assert.NotNull(summary.TryCommand);
        Assert.Contains("--cacert", summary.TryCommand, StringComparison.Ordinal);
        Assert.Contains("--token-file", summary.TryCommand, StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = await ShellCommand.RunAsync(summary.TryCommand, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"'{summary.TryCommand}' exited with {exitCode}:\n{stdout}\n{stderr}");
        using var province = JsonDocument.Parse(stdout);
        Assert.Equal("provinces/44", province.RootElement.GetProperty("name").GetString());
    }

    private static async Task AssertPlaintextIsRefusedAsync(string address)
    {
        // The same port spoken to as h2c: no TLS, no answer.
        using var plaintext = GrpcChannel.ForAddress(address.Replace("https://", "http://", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new Health.HealthClient(plaintext).CheckAsync(new HealthCheckRequest(), SecureStackCalls.Anonymous()).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }

    private static async Task AssertAnonymousIsUnauthenticatedAsync(SecureStackCalls secure, string address)
    {
        using var channel = secure.Channel(address);

        var error = await Assert.ThrowsAsync<RpcException>(() => new ProvincesService.ProvincesServiceClient(channel)
            .GetProvinceAsync(new GetProvinceRequest { Name = "provinces/44" }, SecureStackCalls.Anonymous()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    private static async Task AssertOverviewCrossesEveryServiceAsync(SecureStackCalls secure, string address, AppHostProcess appHost)
    {
        using var channel = secure.Channel(address);

        // Provinces asks Tasks and IntellectualProperty over TLS with the developer's token; their seeds were loaded
        // against the catalog they read from Provinces as themselves.
        var overview = await new ProvincesService.ProvincesServiceClient(channel).GetProvinceOverviewAsync(
            new GetProvinceOverviewRequest { Name = "provinces/12/overview" }, secure.AsDeveloper());

        Assert.True(overview.MissingParts.Count == 0, appHost.Describe($"Missing parts: {string.Join("; ", overview.MissingParts)}"));
        Assert.True(overview.TaskCounts.Sum(c => c.Count) > 0, appHost.Describe("No tasks counted for Lai Châu: Tasks' seeds did not load."));
        Assert.True(overview.AssetCounts.Sum(c => c.Count) > 0, appHost.Describe("No assets counted for Lai Châu: IntellectualProperty's seeds did not load."));
    }

    private static async Task AssertServiceCertificateIsTheServicesOwnGrantAsync(SecureStackCalls secure, string provinces, string tasks)
    {
        // Tasks' client certificate without a token: Provinces admits it as the system "tasks" with what Tasks' service
        // token grants (the province catalog), and Tasks itself grants that system nothing more (no tasks.read).
        using var provincesAsTasks = secure.Channel(provinces, asService: "tasks");
        using var tasksAsTasks = secure.Channel(tasks, asService: "tasks");

        var province = await new ProvincesService.ProvincesServiceClient(provincesAsTasks)
            .GetProvinceAsync(new GetProvinceRequest { Name = "provinces/44" }, SecureStackCalls.Anonymous());
        var denied = await Assert.ThrowsAsync<RpcException>(() => new Khcn.Tasks.V1.TasksService.TasksServiceClient(tasksAsTasks)
            .ListTasksAsync(new Khcn.Tasks.V1.ListTasksRequest(), SecureStackCalls.Anonymous()).ResponseAsync);

        Assert.Equal("provinces/44", province.Name);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
