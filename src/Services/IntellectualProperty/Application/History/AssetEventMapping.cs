using Khcn.Aip;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Application.History;

/// <summary>AssetHistoryEntry (an asset_events row) → AssetEvent. Pure.</summary>
public static class AssetEventMapping
{
    /// <summary>"assets/{asset}/events/{sequence}": the sequence, in decimal, is the event's id.</summary>
    public static readonly ResourceNamePattern Names = new("assets/{asset}/events/{event}");

    public static string NameOf(AssetHistoryEntry entry) =>
        Names.Format(entry.AssetId, entry.EventId);

    public static AssetEvent ToProto(AssetHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var assetEvent = new AssetEvent
        {
            Name = NameOf(entry),
            Type = entry.Type,
            PreviousState = entry.PreviousState,
            NewState = entry.NewState,
            Actor = entry.Actor,
            EventTime = ProtoConvert.ToTimestamp(entry.EventTime),
            Reason = entry.Reason,
            DocumentReference = entry.DocumentReference,
            ChangedFields = entry.ChangedFieldMask(),
            AssetSnapshot = Asset.Parser.ParseFrom(entry.Snapshot),
            RecordTime = ProtoConvert.ToTimestamp(entry.RecordTime),
        };
        return assetEvent;
    }
}
