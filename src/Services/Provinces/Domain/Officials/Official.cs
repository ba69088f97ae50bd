using Khcn.Provinces.Domain.Common;
using Khcn.Data;

namespace Khcn.Provinces.Domain.Officials;

/// <summary>A person who held public posts; the posts are dated <see cref="OfficialPosition"/> rows.</summary>
public sealed class Official : IVersionedResource
{
    /// <summary>Resource id: the part after "officials/".</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>Folded name for accent-insensitive search.</summary>
    public required string FoldedName { get; set; }

    public string SortKey { get; set; } = "";

    public List<OfficialPosition> Positions { get; set; } = [];

    public long Version { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime UpdateTime { get; set; }
}
