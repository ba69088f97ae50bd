using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.History;

/// <summary>
/// Writes an asset's history: every create, update, transition and delete adds one entry, in the same transaction as
/// the asset row (the caller saves both at once), holding a snapshot of the asset right after the change.
/// </summary>
public sealed class AssetHistory(IpDbContext db)
{
    /// <summary>
    /// Adds the entry for a change already applied to <paramref name="asset"/> (version already raised).
    /// <paramref name="transition"/> carries who/when/why; <paramref name="changedFields"/> are field-mask paths.
    /// </summary>
    public AssetHistoryEntry Record(
        IpAsset asset, EventType type, State previousState, Transition transition, IEnumerable<string> changedFields)
    {
        // A deleted asset has no state after the event; its snapshot keeps the one it had.
        var newState = type == EventType.Deleted ? State.Unspecified : asset.State;
        var entry = new AssetHistoryEntry(
            asset.Id, new(type, previousState, newState, transition, changedFields, AssetMapping.ToProto(asset)));
        db.History.Add(entry);
        return entry;
    }

    /// <summary>
    /// Adds the entry of a standard-method write (create, update, delete; see <see cref="Transition.Unattributed"/>). A new
    /// asset had no state before its filing.
    /// </summary>
    public AssetHistoryEntry RecordWrite(IpAsset asset, EventType type, DateTime now, IEnumerable<string> changedFields) =>
        Record(asset, type, type == EventType.Filed ? State.Unspecified : asset.State, Transition.Unattributed(now), changedFields);
}
