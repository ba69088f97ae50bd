using Khcn.Data;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Domain.Programmes;

/// <summary>An S&amp;T programme (chương trình) that groups tasks; a task need not belong to one.</summary>
public sealed class Programme : IVersionedResource
{
    public required string Id { get; init; }

    /// <summary>Official code as printed; empty when the sources give none. Unique when present.</summary>
    public string Code { get; init; } = "";

    public required string DisplayName { get; set; }

    /// <summary><see cref="DisplayName"/> folded (lower case, no diacritics) for filters that ignore both.</summary>
    public string FoldedName { get; set; } = "";

    public TaskLevel Level { get; set; }

    /// <summary>First year, 0 when unknown.</summary>
    public int StartYear { get; set; }

    /// <summary>Last year, 0 when unknown.</summary>
    public int EndYear { get; set; }

    public string ManagingBody { get; set; } = "";

    /// <summary>GSO code for provincial programmes; empty for national ones.</summary>
    public string ProvinceCode { get; set; } = "";

    public long Version { get; set; }

    public DateTime CreateTime { get; init; }

    public DateTime UpdateTime { get; set; }
}
