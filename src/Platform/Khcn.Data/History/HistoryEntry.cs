using System.Globalization;
using Google.Protobuf;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace Khcn.Data;

/// <summary>
/// One immutable entry of a resource's history (a *Event of the contract), the columns every service's history table
/// shares. A service derives one entry type per resource, adding the resource's id column (which names it) and any
/// columns of its own. <see cref="Sequence"/> is assigned by the database on insert and is the event's id; entries
/// outlive a deleted resource (no foreign key to its row).
/// </summary>
public abstract class HistoryEntry<TType, TState>
    where TType : struct, Enum
    where TState : struct, Enum
{
    /// <summary>For EF Core, which materializes stored entries.</summary>
    protected HistoryEntry()
    {
    }

    protected HistoryEntry(HistoryChange<TType, TState> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Type = change.Type;
        PreviousState = change.PreviousState;
        NewState = change.NewState;
        Actor = change.Transition.Actor;
        EventTime = change.Transition.EventTime;
        Reason = change.Transition.Reason;
        DocumentReference = change.Transition.DocumentReference;
        ChangedFields = string.Join(',', change.ChangedFields);
        Snapshot = change.Snapshot.ToByteArray();
        RecordTime = change.Transition.RecordTime;
    }

    public long Sequence { get; init; }

    public TType Type { get; init; }

    public TState PreviousState { get; init; }

    public TState NewState { get; init; }

    public string Actor { get; init; } = "";

    public DateTime EventTime { get; init; }

    public string Reason { get; init; } = "";

    public string DocumentReference { get; init; } = "";

    /// <summary>Field-mask paths the event changed, comma-separated.</summary>
    public string ChangedFields { get; init; } = "";

    /// <summary>The resource right after the event, as serialized contract message bytes.</summary>
    public byte[] Snapshot { get; init; } = [];

    public DateTime RecordTime { get; init; }

    /// <summary>The event's id in its resource name: the sequence in decimal.</summary>
    public string EventId => Sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary><see cref="ChangedFields"/> as the contract's field mask.</summary>
    public FieldMask ChangedFieldMask()
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return mask;
    }
}
