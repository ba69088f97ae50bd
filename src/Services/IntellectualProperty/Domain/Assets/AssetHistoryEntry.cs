using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// One immutable entry of an asset's history (an AssetEvent). Entries outlive a deleted asset: there is no foreign key
/// to the asset row, and DeleteAsset writes the last one.
/// </summary>
public sealed class AssetHistoryEntry
{
    public long Sequence { get; init; }

    public required string AssetId { get; init; }

    public EventType Type { get; init; }

    public State PreviousState { get; init; }

    public State NewState { get; init; }

    public string Actor { get; init; } = "";

    public DateTime EventTime { get; init; }

    public string Reason { get; init; } = "";

    public string DocumentReference { get; init; } = "";

    /// <summary>Field-mask paths the event changed, comma-separated.</summary>
    public string ChangedFields { get; init; } = "";

    /// <summary>The asset right after the event, as serialized khcn.ip.v1.Asset bytes.</summary>
    public byte[] Snapshot { get; init; } = [];

    public DateTime RecordTime { get; init; }
}
