using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.V1;
using Khcn.Data;

namespace Khcn.Provinces.Domain.Engagements;

/// <summary>A dated meeting between S&amp;T authorities, with where it is recorded.</summary>
public sealed class Engagement : IVersionedResource
{
    public required string Id { get; init; }

    /// <summary>Code valid on the meeting date (e.g. "45" for Quảng Trị in 2023).</summary>
    public required string ProvinceCode { get; set; }

    public EngagementKind Kind { get; set; }

    /// <summary>Meeting date as yyyymmdd (partial allowed when the source omits parts).</summary>
    public int Date { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Id of the chairing official, without the "officials/" prefix.</summary>
    public string? ChairId { get; set; }

    public List<Participant> Participants { get; set; } = [];

    public int PeriodStart { get; set; }

    public int PeriodEnd { get; set; }

    public required SourceDocument Source { get; set; }

    public string Summary { get; set; } = "";

    public long Version { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }
}
