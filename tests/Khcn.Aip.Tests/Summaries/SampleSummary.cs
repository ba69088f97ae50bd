using Google.Protobuf.Reflection;
using Khcn.Aip;
using Khcn.Aip.Tests.Filtering;

namespace Khcn.Aip.Tests.Summaries;

// Mirrors a generated Summarize request's Dimension enum.
public enum SampleDimension
{
    [OriginalName("DIMENSION_UNSPECIFIED")] Unspecified = 0,
    [OriginalName("KIND")] Kind = 1,
    [OriginalName("YEAR")] Year = 2,
    [OriginalName("PROVINCE")] Province = 3,
    [OriginalName("FILING_YEAR")] FilingYear = 4,
}

/// <summary>The group key of a summary of <see cref="Sample"/> rows.</summary>
public sealed class SampleSummaryKey
{
    public static readonly SummaryColumns<Sample, SampleSummaryKey, SampleDimension> Columns =
        new SummaryColumns<Sample, SampleSummaryKey, SampleDimension>()
            .Add(SampleDimension.Kind, k => k.Kind, s => s.Kind)
            .Add(SampleDimension.Year, k => k.Year, s => s.Year)
            .Add(SampleDimension.Province, k => k.ProvinceCode, s => s.ProvinceCode);

    public SampleKind Kind { get; init; }

    public int Year { get; init; }

    public string ProvinceCode { get; init; } = "";
}
