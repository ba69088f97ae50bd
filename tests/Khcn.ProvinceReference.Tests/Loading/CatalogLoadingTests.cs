using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Khcn.Aip;
using Khcn.Caching;
using Khcn.ProvinceReference.Tests.Infrastructure;
using Khcn.Provinces.V1;
using Khcn.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.ProvinceReference.Tests.Loading;

/// <summary>How the catalog is loaded, shared, refreshed and missed, against the real Provinces service.</summary>
public sealed class CatalogLoadingTests(ProvincesServiceFixture provinces) : IClassFixture<ProvincesServiceFixture>
{
    private const string ListProvinces = "ListProvinces";

    [Fact]
    public async Task The_catalog_holds_every_page_of_the_historical_listing()
    {
        await using var client = ReferenceHost.Build(provinces.Address, new Dictionary<string, string?> { ["ProvinceReference:PageSize"] = "10" });

        var catalog = await client.Reference.GetCatalogAsync(CancellationToken.None);

        using var channel = GrpcChannel.ForAddress(provinces.Address);
        var listing = await new ProvincesService.ProvincesServiceClient(channel)
            .ListProvincesAsync(new ListProvincesRequest { IncludeHistorical = true, PageSize = 1 });
        Assert.True(listing.TotalSize > 10, "the listing should need several pages of 10");
        Assert.Equal(listing.TotalSize, catalog.Count);
        Assert.Equal(PagesOf(catalog.Count, 10), client.Calls[ListProvinces]);
    }

    [Fact]
    public async Task Concurrent_first_callers_wait_for_one_load()
    {
        await using var client = ReferenceHost.Build(provinces.Address, new Dictionary<string, string?> { ["ProvinceReference:PageSize"] = "10" });
        var reference = client.Reference;
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 32)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await reference.GetCatalogAsync(CancellationToken.None);
            }))
            .ToArray();
        start.Set();
        var catalogs = await Task.WhenAll(callers);

        Assert.All(catalogs, catalog => Assert.Same(catalogs[0], catalog));
        Assert.Equal(PagesOf(catalogs[0].Count, 10), client.Calls[ListProvinces]);
    }

    [Fact]
    public async Task A_loaded_catalog_is_not_read_again_before_the_refresh_interval()
    {
        await using var client = ReferenceHost.Build(provinces.Address);

        var first = await client.Reference.GetCatalogAsync(CancellationToken.None);
        var callsAfterLoad = client.Calls[ListProvinces];
        var second = await client.Reference.GetCatalogAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(callsAfterLoad, client.Calls[ListProvinces]);
        Assert.Null(client.Implementation.BackgroundRefresh);
    }

    [Fact]
    public async Task A_second_instance_reads_the_catalog_the_first_stored_in_the_shared_cache()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:cache"] = redis.ConnectionString };
        await using var first = ReferenceHost.Build(provinces.Address, settings);
        await using var second = ReferenceHost.Build(provinces.Address, settings);
        await WaitForRedisAsync(first);
        await WaitForRedisAsync(second);

        var loaded = await first.Reference.GetCatalogAsync(CancellationToken.None);
        var shared = await second.Reference.GetCatalogAsync(CancellationToken.None);

        Assert.True(first.Calls[ListProvinces] > 0);
        Assert.Equal(0, second.Calls[ListProvinces]);
        Assert.Equal(loaded.Count, shared.Count);
        Assert.Equal(loaded.LineageOf("45"), shared.LineageOf("45"));
        Assert.Equal(loaded.Check("45", 20250701), shared.Check("45", 20250701));
    }

    [Fact]
    public async Task The_old_catalog_is_served_when_a_refresh_finds_Provinces_down()
    {
        var ownProvinces = await ProvincesServer.StartAsync();
        await using var client = ReferenceHost.Build(
            ownProvinces.Address, new Dictionary<string, string?> { ["ProvinceReference:RefreshInterval"] = "00:00:00.001" });
        var loaded = await client.Reference.GetCatalogAsync(CancellationToken.None);
        var callsWhileUp = client.Calls[ListProvinces];
        await ownProvinces.DisposeAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(5)); // let the 1 ms interval pass, so the next call is due a refresh

        var served = await client.Reference.GetCatalogAsync(CancellationToken.None);
        await client.Implementation.BackgroundRefresh!;
        var servedAfterFailure = await client.Reference.GetCatalogAsync(CancellationToken.None);

        Assert.Same(loaded, served);
        Assert.Same(loaded, servedAfterFailure);
        Assert.True(client.Calls[ListProvinces] > callsWhileUp, "the refresh should have asked Provinces again");
        Assert.Contains(client.Logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(CachedProvinceReference), StringComparison.Ordinal));
        if (client.Implementation.BackgroundRefresh is { } pending)
        {
            await pending;
        }
    }

    [Fact]
    public async Task Callers_get_UNAVAILABLE_naming_the_address_setting_when_Provinces_was_never_reachable()
    {
        var nowhere = new Uri($"http://127.0.0.1:{UnusedPort()}");
        await using var client = ReferenceHost.Build(nowhere);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Reference.GetCatalogAsync(CancellationToken.None).AsTask());

        Assert.Equal(ApiErrorCode.Unavailable, error.Code);
        Assert.Equal("PROVINCES_UNAVAILABLE", error.Reason);
        Assert.Contains("services:provinces:http:0", error.Message, StringComparison.Ordinal);
        Assert.Contains(nowhere.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_first_load_is_not_remembered_the_next_caller_tries_again()
    {
        await using var client = ReferenceHost.Build(new Uri($"http://127.0.0.1:{UnusedPort()}"));

        await Assert.ThrowsAsync<ApiException>(() => client.Reference.GetCatalogAsync(CancellationToken.None).AsTask());
        var callsAfterFirst = client.Calls[ListProvinces];
        await Assert.ThrowsAsync<ApiException>(() => client.Reference.GetCatalogAsync(CancellationToken.None).AsTask());

        Assert.True(callsAfterFirst > 0);
        Assert.True(client.Calls[ListProvinces] > callsAfterFirst);
    }

    [Fact]
    public async Task Callers_get_UNAVAILABLE_naming_the_address_setting_when_it_is_not_configured()
    {
        await using var client = ReferenceHost.Build(provinces: null);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Reference.GetCatalogAsync(CancellationToken.None).AsTask());

        Assert.Equal(ApiErrorCode.Unavailable, error.Code);
        Assert.Equal("PROVINCES_UNAVAILABLE", error.Reason);
        Assert.Contains("services:provinces:http:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("not set", error.Message, StringComparison.Ordinal);
    }

    private static int PagesOf(int count, int pageSize) => (count + pageSize - 1) / pageSize;

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForRedisAsync(ReferenceHost host)
    {
        // The cache connects in the background; until it does, it would not store the catalog in Redis.
        var cache = (TwoLevelCache)host.Services.GetRequiredService<IKhcnCache>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!cache.IsRedisAvailable)
        {
            Assert.True(DateTime.UtcNow < deadline, "the cache did not connect to Redis");
            await Task.Delay(20);
        }
    }
}
