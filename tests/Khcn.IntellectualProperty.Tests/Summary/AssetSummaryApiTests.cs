using System.Runtime.CompilerServices;
using Grpc.Core;
using Khcn.IntellectualProperty.Tests.Infrastructure;
using Khcn.IntellectualProperty.V1;
using Khcn.Tests.Infrastructure;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Summary;

/// <summary>
/// SummarizeAssets over the real service. The varied assets below are filed once per service (titled with one marker,
/// and every summary filters on it; the tests only read them) and each test computes the rows it expects from them.
/// </summary>
public abstract class AssetSummaryApiTests(IpServiceFixture service)
{
    // Varied on every dimension, with repeats so groups hold several assets. 45 (the old Quảng Trị) was open until the
    // 2025 merger into today's 44, so filings under it before then are valid and belong to 44's lineage.
    private static readonly AssetSpec[] Specs =
    [
        new(AssetKind.Mark, MarkType.Certification, State.InForce, 2015, "12", 4),
        new(AssetKind.Mark, MarkType.Collective, State.Filed, 2021, "12", 0),
        new(AssetKind.Mark, MarkType.Certification, State.InForce, 2015, "45", 3),
        new(AssetKind.GeographicalIndication, MarkType.Unspecified, State.InForce, 2019, "44", 5),
        new(AssetKind.Invention, MarkType.Unspecified, State.FormalityExamination, 2021, "20", 0),
        new(AssetKind.Invention, MarkType.Unspecified, State.Withdrawn, 2019, "01", 0),
        new(AssetKind.IndustrialDesign, MarkType.Unspecified, State.Filed, 2022, "44", 0),
        new(AssetKind.Mark, MarkType.Ordinary, State.Filed, 2021, "20", 3),
        new(AssetKind.UtilitySolution, MarkType.Unspecified, State.Refused, 2019, "01", 0),
        new(AssetKind.Mark, MarkType.Collective, State.InForce, 2019, "45", 4),
    ];

    // One load per running service: the assets are only read, and filing them walks each through its lifecycle.
    private static readonly ConditionalWeakTable<IpServiceFixture, Task<string>> Loaded = new();

    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Theory]
    [InlineData(Dimension.Kind)]
    [InlineData(Dimension.MarkType)]
    [InlineData(Dimension.State)]
    [InlineData(Dimension.FilingYear)]
    [InlineData(Dimension.Province)]
    public async Task Grouping_by_one_dimension_counts_the_assets_of_each_group(Dimension dimension)
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [dimension]);

        Assert.Equal(Expected(Specs, [dimension]), summary.Rows.Select(RowFacts.Of));
    }

    [Theory]
    [InlineData(Dimension.Kind, Dimension.MarkType)]
    [InlineData(Dimension.State, Dimension.Kind)]
    [InlineData(Dimension.FilingYear, Dimension.Province, Dimension.Kind)]
    [InlineData(Dimension.Province, Dimension.State, Dimension.FilingYear, Dimension.MarkType, Dimension.Kind)]
    public async Task Grouping_by_several_dimensions_gives_one_row_per_combination_ordered_by_the_dimensions_in_turn(params Dimension[] dimensions)
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, dimensions);

        Assert.Equal(Expected(Specs, dimensions), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task The_total_row_sums_every_row()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [Dimension.Kind, Dimension.FilingYear]);

        Assert.Equal(new RowFacts(default, default, default, 0, "", Specs.Length, Specs.Count(s => s.OcopStars > 0)), RowFacts.Of(summary.Total));
        Assert.Equal(summary.Rows.Sum(r => r.AssetCount), summary.Total.AssetCount);
        Assert.Equal(summary.Rows.Sum(r => r.OcopRatedCount), summary.Total.OcopRatedCount);
    }

    [Fact]
    public async Task Ocop_rated_count_counts_only_the_assets_with_a_rating()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [Dimension.Province]);

        // 12: one rated of two; 20: one of two; 44: one of two; 45: both; 01: none.
        Assert.Equal(
            Specs.GroupBy(s => s.Province).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count(s => s.OcopStars > 0))),
            summary.Rows.Select(r => (r.ProvinceCode, r.OcopRatedCount)));
        Assert.Contains(summary.Rows, r => r.OcopRatedCount == 0);
        Assert.Contains(summary.Rows, r => r.OcopRatedCount > 0 && r.OcopRatedCount < r.AssetCount);
    }

    [Fact]
    public async Task Without_dimensions_the_one_row_is_the_total()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, []);

        var row = Assert.Single(summary.Rows);
        Assert.Equal(summary.Total, row);
        Assert.Equal(Specs.Length, row.AssetCount);
    }

    [Fact]
    public async Task No_matching_asset_gives_no_rows_and_a_zero_total()
    {
        var summary = await SummarizeAsync(TestAssets.Marker(), [Dimension.State]);

        Assert.Empty(summary.Rows);
        Assert.Equal(new AssetSummaryRow(), summary.Total);
    }

    [Fact]
    public async Task Without_province_codes_the_summary_covers_the_whole_country()
    {
        var marker = await LoadSpecsAsync();

        var summary = await SummarizeAsync(marker, [Dimension.Province]);

        Assert.Equal(["01", "12", "20", "44", "45"], summary.Rows.Select(r => r.ProvinceCode));
        Assert.Equal(Specs.Length, summary.Total.AssetCount);
    }

    [Fact]
    public async Task A_province_covers_the_closed_codes_of_its_lineage()
    {
        var marker = await LoadSpecsAsync();
        var inLineage = Specs.Where(s => s.Province is "44" or "45").ToList();

        // 44 is today's Quảng Trị; the old Quảng Trị (45) merged into it, so its assets count for 44.
        var summary = await SummarizeAsync(marker, [Dimension.Province, Dimension.Kind], "44");

        Assert.Equal(Expected(inLineage, [Dimension.Province, Dimension.Kind]), summary.Rows.Select(RowFacts.Of));
        Assert.Equal(["44", "45"], summary.Rows.Select(r => r.ProvinceCode).Distinct());
        Assert.Equal(inLineage.Count, summary.Total.AssetCount);
    }

    [Fact]
    public async Task A_closed_code_covers_the_same_lineage_as_its_successor()
    {
        var marker = await LoadSpecsAsync();

        var byClosedCode = await SummarizeAsync(marker, [Dimension.Province, Dimension.State], "45");
        var bySuccessor = await SummarizeAsync(marker, [Dimension.Province, Dimension.State], "44");

        Assert.Equal(bySuccessor, byClosedCode);
        Assert.NotEmpty(bySuccessor.Rows);
    }

    [Fact]
    public async Task Several_provinces_are_covered_together()
    {
        var marker = await LoadSpecsAsync();
        var covered = Specs.Where(s => s.Province is "01" or "12").ToList();

        var summary = await SummarizeAsync(marker, [Dimension.Kind], "01", "12");

        Assert.Equal(Expected(covered, [Dimension.Kind]), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task The_filter_narrows_the_assets_before_grouping()
    {
        var marker = await LoadSpecsAsync();
        var inForceOrFiled = Specs.Where(s => s.State is State.InForce or State.Filed).ToList();

        var summary = await Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            Filter = $"title:\"{marker}\" AND (state = IN_FORCE OR state = FILED)",
            GroupBy = { Dimension.Kind },
        });

        Assert.Equal(Expected(inForceOrFiled, [Dimension.Kind]), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task The_filter_and_province_codes_apply_together()
    {
        var marker = await LoadSpecsAsync();
        var marksOfLaiChau = Specs.Where(s => s.Kind == AssetKind.Mark && s.Province == "12").ToList();

        var summary = await Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            Filter = $"title:\"{marker}\" AND kind = MARK",
            ProvinceCodes = { "12" },
            GroupBy = { Dimension.MarkType },
        });

        Assert.Equal(Expected(marksOfLaiChau, [Dimension.MarkType]), summary.Rows.Select(RowFacts.Of));
    }

    [Fact]
    public async Task Every_invalid_dimension_and_province_code_is_rejected_by_position_at_once()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            GroupBy = { Dimension.Kind, Dimension.Unspecified, Dimension.State, Dimension.Kind },
            ProvinceCodes = { "12", "4", "99", "provinces/44", "45" },
        }));

        Assert.Equal(
            ["group_by[1]", "group_by[3]", "province_codes[1]", "province_codes[2]", "province_codes[3]"],
            RpcErrorAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task A_malformed_filter_is_rejected()
    {
        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () => Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            Filter = "nice_classes = 46",
            GroupBy = { Dimension.Kind },
        }));

        Assert.Equal(["filter"], RpcErrorAssert.ViolatedFields(status));
    }

    /// <summary>Files <see cref="Specs"/> titled with a new marker, once per service, and returns the marker.</summary>
    private Task<string> LoadSpecsAsync()
    {
        lock (Loaded)
        {
            return Loaded.GetValue(service, _ => LoadAsync());
        }

        async Task<string> LoadAsync()
        {
            var marker = TestAssets.Marker();
            foreach (var (spec, index) in Specs.Select((s, i) => (s, i)))
            {
                await spec.FileAsync(Client, $"Tài sản tổng hợp {marker} {index}");
            }

            return marker;
        }
    }

    private Task<SummarizeAssetsResponse> SummarizeAsync(string marker, Dimension[] dimensions, params string[] provinceCodes) =>
        Client.SummarizeAssetsAsync(new SummarizeAssetsRequest
        {
            Filter = $"title:\"{marker}\"",
            GroupBy = { dimensions },
            ProvinceCodes = { provinceCodes },
        }).ResponseAsync;

    /// <summary>The rows the contract promises for <paramref name="specs"/>: one per combination, ordered dimension by dimension.</summary>
    private static List<RowFacts> Expected(IReadOnlyList<AssetSpec> specs, Dimension[] dimensions)
    {
        var rows = specs
            .GroupBy(s => s.KeyFor(dimensions))
            .Select(g => g.Key with { AssetCount = g.Count(), OcopRatedCount = g.Count(s => s.OcopStars > 0) });

        IOrderedEnumerable<RowFacts> ordered = rows.OrderBy(_ => 0);
        foreach (var dimension in dimensions)
        {
            ordered = dimension switch
            {
                Dimension.Kind => ordered.ThenBy(r => (int)r.Kind),
                Dimension.MarkType => ordered.ThenBy(r => (int)r.MarkType),
                Dimension.State => ordered.ThenBy(r => (int)r.State),
                Dimension.FilingYear => ordered.ThenBy(r => r.FilingYear),
                _ => ordered.ThenBy(r => r.Province, StringComparer.Ordinal),
            };
        }

        return [.. ordered];
    }

    /// <summary>One test asset's values on every dimension and its OCOP stars (0: unrated).</summary>
    private sealed record AssetSpec(AssetKind Kind, MarkType MarkType, State State, int FilingYear, string Province, int OcopStars)
    {
        /// <summary>Files the asset and walks it to <see cref="State"/>.</summary>
        public async Task FileAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client, string title)
        {
            var asset = ToAsset(title);
            if (State == State.InForce)
            {
                await TestAssets.GrantedAsync(client, asset, TestAssets.Day(FilingYear + 1, 5, 20));
                return;
            }

            var name = (await TestAssets.CreateAsync(client, asset)).Name;
            if (State is State.FormalityExamination or State.Refused)
            {
                await client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = name, Actor = TestAssets.Examiner });
            }

            if (State == State.Refused)
            {
                await client.RefuseAssetAsync(new RefuseAssetRequest { Name = name, Actor = TestAssets.Examiner, Reason = "Đơn không hợp lệ" });
            }
            else if (State == State.Withdrawn)
            {
                await client.WithdrawAssetAsync(new WithdrawAssetRequest { Name = name, Actor = "Chủ đơn" });
            }
        }

        /// <summary>The row key: this asset's value on each grouped dimension, the default elsewhere.</summary>
        public RowFacts KeyFor(Dimension[] dimensions) => new(
            dimensions.Contains(Dimension.Kind) ? Kind : default,
            dimensions.Contains(Dimension.MarkType) ? MarkType : default,
            dimensions.Contains(Dimension.State) ? State : default,
            dimensions.Contains(Dimension.FilingYear) ? FilingYear : 0,
            dimensions.Contains(Dimension.Province) ? Province : "",
            0,
            0);

        private Asset ToAsset(string title)
        {
            var asset = Kind switch
            {
                AssetKind.Mark => TestAssets.CertificationMark(title),
                AssetKind.GeographicalIndication => new Asset
                {
                    Title = title,
                    Holder = new Holder { DisplayName = "Ủy ban nhân dân tỉnh", Kind = Holder.Types.Kind.StateAgency },
                },
                _ => TestAssets.Invention(title),
            };
            asset.Kind = Kind;
            asset.MarkType = MarkType;
            asset.ProvinceCode = Province;
            asset.FilingDate = TestAssets.Day(FilingYear, 3, 10);
            asset.Ocop = OcopStars == 0 ? null : new OcopRating { Stars = OcopStars };
            return asset;
        }
    }

    /// <summary>A summary row as comparable values.</summary>
    private sealed record RowFacts(
        AssetKind Kind, MarkType MarkType, State State, int FilingYear, string Province, int AssetCount, int OcopRatedCount)
    {
        public static RowFacts Of(AssetSummaryRow row) => new(
            row.Kind, row.MarkType, row.State, row.FilingYear, row.ProvinceCode, row.AssetCount, row.OcopRatedCount);
    }
}

public sealed class AssetSummaryApiTestsOnSqlite(SqliteIpService service) : AssetSummaryApiTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetSummaryApiTestsOnPostgreSql(PostgreSqlIpService service) : AssetSummaryApiTests(service), IClassFixture<PostgreSqlIpService>;
