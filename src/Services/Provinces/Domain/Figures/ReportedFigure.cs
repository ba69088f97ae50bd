using Khcn.Provinces.Domain.Common;

namespace Khcn.Provinces.Domain.Figures;

/// <summary>
/// An aggregate as one source states it. Immutable and never merged: disagreeing reports (Lai Châu's 36
/// vs 38 provincial tasks) are separate rows, found side by side by (province, metric, period).
/// </summary>
public sealed class ReportedFigure
{
    public required string Id { get; init; }

    public required string ProvinceCode { get; init; }

    public required string Metric { get; init; }

    public double Value { get; init; }

    public string Unit { get; init; } = "";

    public int PeriodStart { get; init; }

    public int PeriodEnd { get; init; }

    public string? EngagementId { get; init; }

    public required SourceDocument Source { get; init; }

    public string Note { get; init; } = "";

    public DateTime CreateTime { get; init; }

    /// <summary>
    /// True when <paramref name="other"/> is another report of the same thing (province code, metric, period)
    /// stating a different number: both stay, and each points at the other.
    /// </summary>
    public bool ConflictsWith(ReportedFigure other) =>
        other.Id != Id
        && other.ProvinceCode == ProvinceCode
        && other.Metric == Metric
        && other.PeriodStart == PeriodStart
        && other.PeriodEnd == PeriodEnd
        && !other.Value.Equals(Value);
}
