using System.Text;
using Grpc.Core;
using Khcn.Tests.Seeding;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// The service loads seeds/ip at start through the creation path in seed mode: every record arrives with its exact
/// Vietnamese text, its fixed name and the state the sources support, unknown values stay unknown (so no term is
/// computed), and starting again on the same database adds, changes and records nothing.
/// </summary>
public abstract class SeedLoadingTests<TFixture>(TFixture service) : IClassFixture<TFixture>
    where TFixture : IpServiceFixture, ISeededService
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task Every_seed_asset_passed_the_seed_validation_and_is_stored_as_written()
    {
        var seeds = IpSeedFiles.Assets();

        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            // A record the validation refused would be missing here (the loader skips and logs it).
            var stored = await Client.GetAssetAsync(new GetAssetRequest { Name = seed.Name });
            Assert.Equal(seed.Title, stored.Title);
            Assert.True(stored.Title.IsNormalized(NormalizationForm.FormC), $"{seed.Name}: \"{stored.Title}\" is not NFC.");
            Assert.Equal(seed.Kind, stored.Kind);
            Assert.Equal(seed.MarkType, stored.MarkType);
            Assert.Equal(seed.ProvinceCode, stored.ProvinceCode);
            // Seed mode keeps the state the sources support instead of starting at FILED.
            Assert.Equal(seed.State, stored.State);
            // Unknown stays unknown: nothing was filled in on the way.
            Assert.Equal("", stored.Holder?.DisplayName ?? "");
            Assert.Null(stored.FilingDate);
            Assert.Equal("", stored.ApplicationNumber);
            Assert.Empty(stored.NiceClasses);
            Assert.NotEqual("", stored.Etag);
        }
    }

    [Fact]
    public async Task Seeded_Vietnamese_text_comes_back_precomposed_exactly_as_in_the_article()
    {
        const string Title = "Gạo Nếp Tan Co Giàng";
        // The literal is precomposed: a decomposed store or a lossy round trip would not compare equal.
        Assert.NotEqual(Title, Title.Normalize(NormalizationForm.FormD));

        var asset = await Client.GetAssetAsync(new GetAssetRequest { Name = "assets/lai-chau-gao-nep-tan-co-giang" });

        Assert.Equal(Title, asset.Title);
        Assert.Equal(MarkType.Certification, asset.MarkType);
        Assert.Equal("12", asset.ProvinceCode);
    }

    [Fact]
    public async Task Every_seed_asset_has_exactly_one_history_entry_its_seeding()
    {
        foreach (var seed in IpSeedFiles.Assets())
        {
            var events = await Client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = seed.Name });

            var seeded = Assert.Single(events.AssetEvents);
            Assert.Equal(State.Unspecified, seeded.PreviousState);
            Assert.Equal(seed.State, seeded.NewState);
            Assert.Equal(seed.Title, seeded.AssetSnapshot.Title);
        }
    }

    [Fact]
    public async Task A_seeded_mark_without_a_filing_date_has_no_term_and_cannot_be_renewed_until_one_is_recorded()
    {
        const string Name = "assets/lai-chau-che-tam-duong";
        var mark = await Client.GetAssetAsync(new GetAssetRequest { Name = Name });

        Assert.Equal(State.InForce, mark.State);
        Assert.Null(mark.ExpiryDate);
        Assert.Null(mark.RenewalWindowStart);
        Assert.Null(mark.GracePeriodEnd);
        var status = await RpcErrorAssert.FailsWith(StatusCode.FailedPrecondition, () => Client.RenewAssetAsync(new RenewAssetRequest
        {
            Name = Name,
            Actor = TestAssets.Examiner,
            RequestDate = TestAssets.Day(2025, 1, 15),
        }));
        Assert.Equal("TERM_UNKNOWN", RpcErrorAssert.Reason(status));
        // Refused: the asset and its history are as they were.
        Assert.Equal(mark.Etag, (await Client.GetAssetAsync(new GetAssetRequest { Name = Name })).Etag);

        // With no expiry it is never among the expiring assets, however wide the range.
        var expiring = await Client.ListExpiringAssetsAsync(new ListExpiringAssetsRequest
        {
            AsOf = TestAssets.Day(2000, 1, 1),
            ExpireBefore = TestAssets.Day(2100, 12, 31),
            IncludeGracePeriod = true,
            PageSize = 1000,
        });
        Assert.DoesNotContain(expiring.ExpiringAssets, e => e.Asset.Name.StartsWith("assets/lai-chau-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lai_Chau_summary_counts_the_seeded_certification_marks_in_force()
    {
        var laiChauSeeds = IpSeedFiles.Assets().Where(a => a.ProvinceCode == "12").ToList();

        var summary = await Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            ProvinceCodes = { "12" },
            GroupBy = { Dimension.Kind, Dimension.MarkType, Dimension.State },
        });

        // The fixture's database holds the seeds alone, so the seeds are the whole count.
        var row = Assert.Single(summary.Rows);
        Assert.Equal(AssetKind.Mark, row.Kind);
        Assert.Equal(MarkType.Certification, row.MarkType);
        Assert.Equal(State.InForce, row.State);
        Assert.Equal(laiChauSeeds.Count, row.AssetCount);
        Assert.Equal(laiChauSeeds.Count, summary.Total.AssetCount);
    }

    [Fact]
    public Task Starting_again_on_the_same_database_adds_changes_and_records_nothing() =>
        SeedReload.AssertChangesNothingAsync(
            service, channel => new IntellectualPropertyService.IntellectualPropertyServiceClient(channel), SnapshotAsync);

    /// <summary>What a reload could disturb: every seed's etag and update time and event count, and the number of assets.</summary>
    private static async Task<IReadOnlyList<string>> SnapshotAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client)
    {
        var lines = new List<string>();
        foreach (var seed in IpSeedFiles.Assets())
        {
            var asset = await client.GetAssetAsync(new GetAssetRequest { Name = seed.Name });
            var events = await client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = seed.Name, PageSize = 1000 });
            lines.Add($"{asset.Name} {asset.Etag} {asset.UpdateTime} events={events.TotalSize}");
        }

        var assets = await client.ListAssetsAsync(new ListAssetsRequest { PageSize = 1000 });
        lines.Add($"assets listed: {assets.TotalSize}");
        return lines;
    }
}

public sealed class SeedLoadingOnSqlite(SeededSqliteIpService service) : SeedLoadingTests<SeededSqliteIpService>(service);

public sealed class SeedLoadingOnPostgreSql(SeededPostgreSqlIpService service) : SeedLoadingTests<SeededPostgreSqlIpService>(service);
