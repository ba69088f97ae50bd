using System.Linq.Expressions;
using Google.Protobuf.Reflection;
using Khcn.Aip;

namespace Khcn.Aip.Tests.Filtering;

// Mirrors a generated proto enum: C# names plus the proto names in [OriginalName].
public enum SampleKind
{
    [OriginalName("SAMPLE_KIND_UNSPECIFIED")] Unspecified = 0,
    [OriginalName("WORKING_VISIT")] WorkingVisit = 1,
    [OriginalName("ANNUAL_REVIEW")] AnnualReview = 2,
}

/// <summary>An engagement-like row with one column of every filterable kind.</summary>
public sealed class Sample
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string FoldedName { get; set; } = "";
    public string SortKey { get; set; } = "";
    public string? Code { get; set; }
    public string ProvinceCode { get; set; } = "";
    public SampleKind Kind { get; set; }
    public int Year { get; set; }
    public long Budget { get; set; }
    public double Score { get; set; }
    public bool Active { get; set; }
    public int Date { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class Samples
{
    public static IReadOnlyList<Sample> All { get; } =
    [
        Make(1, "Lạng Sơn", "20", "20", SampleKind.WorkingVisit, 2019, 94, 4.5, true, 20190612, "2019-06-12T03:00:00Z"),
        Make(2, "Lai Châu", "12", "12", SampleKind.WorkingVisit, 2022, 46, 3.0, true, 20220122, "2022-01-22T02:00:00Z"),
        Make(3, "Lạng Sơn review", "20-R", "20", SampleKind.AnnualReview, 2021, 12, 2.5, false, 20210112, "2021-01-12T01:00:00Z"),
        Make(4, "Quảng Trị", "45", "45", SampleKind.WorkingVisit, 2023, 7, 5.0, true, 20231129, "2023-11-29T08:00:00Z"),
        Make(5, "Quảng Bình", null, "44", SampleKind.AnnualReview, 2019, 0, 1.0, false, 20190600, "2019-06-30T00:00:00Z"),
        Make(6, "Đà Nẵng", "48", "48", SampleKind.Unspecified, 2019, 3, 0.0, true, 0, "2020-01-01T00:00:00Z"),
        Make(7, "Điện Biên", "11", "11", SampleKind.AnnualReview, 2019, 5, 2.0, false, 20190000, "2019-12-31T23:59:59Z"),
    ];

    /// <summary>Province codes merged into each successor (new Quảng Trị, code 44, absorbed old Quảng Trị, 45).</summary>
    private static readonly Dictionary<string, string[]> Lineage = new() { ["44"] = ["44", "45"] };

    public static FilterSchema<Sample> Schema(bool globalText = true)
    {
        var schema = new FilterSchema<Sample>()
            .String("name", x => x.Name)
            .String("code", x => x.Code)
            .FoldedText("folded", x => x.FoldedName)
            .Enum("kind", x => x.Kind)
            .Int("year", x => x.Year)
            .Long("budget", x => x.Budget)
            .Double("score", x => x.Score)
            .Bool("active", x => x.Active)
            .Date("date", x => x.Date)
            .Timestamp("created", x => x.CreatedUtc)
            .Custom("province", ProvinceFilter);
        return globalText ? schema.GlobalText(x => x.FoldedName) : schema;
    }

    public static OrderBySchema<Sample> OrderBy() => new OrderBySchema<Sample>()
        .Field("name", x => x.SortKey)
        .Field("year", x => x.Year)
        .Field("score", x => x.Score)
        .Field("create_time", x => x.CreatedUtc);

    private static Expression<Func<Sample, bool>> ProvinceFilter(FilterComparison comparison)
    {
        if (comparison.Operator != FilterOperator.Equal)
        {
            throw ApiException.InvalidArgument("INVALID_FILTER", "province only supports =", new FieldViolation("filter", "province only supports ="));
        }

        var codes = Lineage.GetValueOrDefault(comparison.Value) ?? [comparison.Value];
        return x => codes.Contains(x.ProvinceCode);
    }

    private static Sample Make(int id, string name, string? code, string province, SampleKind kind, int year, long budget, double score, bool active, int date, string created) => new()
    {
        Id = id,
        Name = name,
        FoldedName = TextFolding.Fold(name),
        SortKey = VietnameseSortKey.For(name),
        Code = code,
        ProvinceCode = province,
        Kind = kind,
        Year = year,
        Budget = budget,
        Score = score,
        Active = active,
        Date = date,
        CreatedUtc = DateTime.Parse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
    };
}

/// <summary>Filters with the rows they must select; shared by the in-memory and the SQLite tests so both agree.</summary>
public static class FilterCases
{
    public static TheoryData<string, int[]> All => new()
    {
        { "name = \"Lạng Sơn\"", [1] },
        { "name = 'Lai Châu'", [2] },
        { "name = \"Lạng*\"", [1, 3] },
        { "name = \"*Sơn\"", [1] },
        { "name = \"*Sơn*\"", [1, 3] },
        { "name : review", [3] },
        { "code:*", [1, 2, 3, 4, 6, 7] },
        { "code != \"20\"", [2, 3, 4, 5, 6, 7] },
        { "folded = \"quang tri\"", [4] },
        { "folded = \"QUẢNG   TRỊ\"", [4] },
        { "folded : lang", [1, 3] },
        { "kind = WORKING_VISIT", [1, 2, 4] },
        { "kind = WorkingVisit", [1, 2, 4] },
        { "kind != ANNUAL_REVIEW", [1, 2, 4, 6] },
        { "year >= 2021", [2, 3, 4] },
        { "year < 2020", [1, 5, 6, 7] },
        { "budget > 40", [1, 2] },
        { "score <= 2.5", [3, 5, 6, 7] },
        { "active = true", [1, 2, 4, 6] },
        { "active = FALSE", [3, 5, 7] },
        { "date = 2019", [1, 5, 7] },
        { "date = 2019-06", [1, 5] },
        { "date = 2019-06-12", [1] },
        { "date != 2019", [2, 3, 4, 6] },
        { "date < 2020", [1, 5, 7] },
        { "date <= 2019-06", [1, 5, 7] },
        { "date > 2021-01", [2, 4] },
        { "date >= 2021-01-12", [2, 3, 4] },
        { "created > \"2022-01-01T00:00:00Z\"", [2, 4] },
        { "created <= \"2019-06-12T10:00:00+07:00\"", [1] },
        { "year = 2023 OR year = 2019 AND kind = ANNUAL_REVIEW", [5, 7] },
        { "kind = ANNUAL_REVIEW AND year = 2023 OR year = 2019", [5, 7] },
        { "(year = 2023 OR year = 2019) kind = ANNUAL_REVIEW", [5, 7] },
        { "active = true year = 2019", [1, 6] },
        { "NOT active = true", [3, 5, 7] },
        { "-kind = WORKING_VISIT", [3, 5, 6, 7] },
        { "NOT (year = 2019 OR year = 2022)", [3, 4] },
        { "\"lang son\"", [1, 3] },
        { "quang", [4, 5] },
        { "QUẢNG", [4, 5] },
        { "province = 44", [4, 5] },
        { "province = 20 AND kind = ANNUAL_REVIEW", [3] },
    };
}
