using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Summary;

/// <summary>
/// The group of a summary row: always the same five columns, the ones not grouped by held at their default value.
/// One key shape serves every combination of dimensions (see <see cref="SummaryColumns{TEntity,TKey,TDimension}"/>).
/// </summary>
public sealed class AssetSummaryKey
{
    /// <summary>Which asset column each dimension groups by.</summary>
    public static readonly SummaryColumns<IpAsset, AssetSummaryKey, Dimension> Columns = new SummaryColumns<IpAsset, AssetSummaryKey, Dimension>()
        .Add(Dimension.Kind, k => k.Kind, a => a.Kind)
        .Add(Dimension.MarkType, k => k.MarkType, a => a.MarkType)
        .Add(Dimension.State, k => k.State, a => a.State)
        .Add(Dimension.FilingYear, k => k.FilingYear, a => a.FilingYear)
        .Add(Dimension.Province, k => k.ProvinceCode, a => a.ProvinceCode);

    public AssetKind Kind { get; init; }

    public MarkType MarkType { get; init; }

    public State State { get; init; }

    public int FilingYear { get; init; }

    public string ProvinceCode { get; init; } = "";
}

/// <summary>One group as the database returns it: its key, how many assets, and how many of them carry an OCOP rating.</summary>
public sealed record AssetSummaryGroup(AssetSummaryKey Key, int AssetCount, int OcopRatedCount);
