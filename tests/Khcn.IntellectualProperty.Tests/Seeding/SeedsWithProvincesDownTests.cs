using Grpc.Core;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.Grpc;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.Tests.Overview;
using Khcn.Redis.Tests.Infrastructure;
using Khcn.Services.Tests.Hosting;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// Seed assets need the Provinces service (their province codes are checked). When it is down at start-up the IP
/// service still starts and serves, without the seeds, and loads them in the background once Provinces answers.
/// </summary>
public abstract class SeedsWithProvincesDownTests
{
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    [Fact]
    public async Task The_service_starts_without_provinces_and_loads_the_seed_assets_once_provinces_answers()
    {
        var provincesAddress = ClosedPort.NewAddress();
        var seedAsset = IpSeedFiles.Assets()[0].Name;

        await using var ip = await ServiceHost.StartAsync(
            typeof(IntellectualPropertyGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={provincesAddress}",
                "--Seeds:Load=true",
                "--Seeds:RetryInterval=00:00:00.200",
                "--ProvinceReference:CallTimeout=00:00:03",
            ]);
        using var channel = GrpcChannel.ForAddress(ip.Address);
        var client = new IntellectualPropertyService.IntellectualPropertyServiceClient(channel);

        // Serving, and without the seeds.
        var empty = await client.ListAssetsAsync(new ListAssetsRequest { PageSize = 1000 });
        Assert.Equal(0, empty.TotalSize);
        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => client.GetAssetAsync(new GetAssetRequest { Name = seedAsset }));

        await using var provinces = await ServiceHost.StartAsync(
            typeof(ProvincesGrpcService).Assembly,
            [.. FreshDatabase.ProvincesSqlite(), "--urls", provincesAddress.ToString()]);

        await Eventually.TrueAsync(
            async () => (await client.ListAssetsAsync(new ListAssetsRequest { PageSize = 1000 })).TotalSize > 0,
            "the seed assets are loaded after the Provinces service started");
        var loaded = await client.ListAssetsAsync(new ListAssetsRequest { PageSize = 1000 });
        Assert.Equal(IpSeedFiles.Assets().Select(a => a.Name).Order(), loaded.Assets.Select(a => a.Name).Order());
    }
}

public sealed class SeedsWithProvincesDownOnSqlite : SeedsWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedsWithProvincesDownOnPostgreSql : SeedsWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
