using Khcn.Data;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// One immutable entry of an asset's history (an AssetEvent). Entries outlive a deleted asset: there is no foreign key
/// to the asset row, and DeleteAsset writes the last one.
/// </summary>
public sealed class AssetHistoryEntry : HistoryEntry<EventType, State>
{
    /// <summary>For EF Core, which materializes stored entries.</summary>
    private AssetHistoryEntry()
    {
    }

    public AssetHistoryEntry(string assetId, HistoryChange<EventType, State> change)
        : base(change) => AssetId = assetId;

    public string AssetId { get; private init; } = "";
}
