using System.Linq.Expressions;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Summary;

/// <summary>
/// The group of a summary row: always the same five columns, the ones not grouped by held at their default value.
/// One key shape serves every combination of dimensions; the providers leave constant key parts out of GROUP BY, so
/// the SQL groups by exactly the chosen columns.
/// </summary>
public sealed class AssetSummaryKey
{
    public AssetKind Kind { get; init; }

    public MarkType MarkType { get; init; }

    public State State { get; init; }

    public int FilingYear { get; init; }

    public string ProvinceCode { get; init; } = "";

    /// <summary>
    /// <c>a =&gt; new AssetSummaryKey { Kind = a.Kind, State = default, … }</c> with a column for each grouped dimension
    /// and a constant for every other: built as a tree because a captured flag would become a query parameter, which
    /// the providers keep in GROUP BY.
    /// </summary>
    public static Expression<Func<IpAsset, AssetSummaryKey>> Selector(IReadOnlyCollection<Dimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var asset = Expression.Parameter(typeof(IpAsset), "a");

        MemberAssignment Bind<TValue>(string keyMember, Dimension dimension, string assetMember, TValue unused) =>
            Expression.Bind(
                typeof(AssetSummaryKey).GetProperty(keyMember)!,
                dimensions.Contains(dimension)
                    ? Expression.Property(asset, assetMember)
                    : Expression.Constant(unused, typeof(TValue)));

        var body = Expression.MemberInit(
            Expression.New(typeof(AssetSummaryKey)),
            Bind(nameof(Kind), Dimension.Kind, nameof(IpAsset.Kind), default(AssetKind)),
            Bind(nameof(MarkType), Dimension.MarkType, nameof(IpAsset.MarkType), default(MarkType)),
            Bind(nameof(State), Dimension.State, nameof(IpAsset.State), default(State)),
            Bind(nameof(FilingYear), Dimension.FilingYear, nameof(IpAsset.FilingYear), 0),
            Bind(nameof(ProvinceCode), Dimension.Province, nameof(IpAsset.ProvinceCode), ""));
        return Expression.Lambda<Func<IpAsset, AssetSummaryKey>>(body, asset);
    }
}

/// <summary>One group as the database returns it: its key, how many assets, and how many of them carry an OCOP rating.</summary>
public sealed record AssetSummaryGroup(AssetSummaryKey Key, int AssetCount, int OcopRatedCount);
