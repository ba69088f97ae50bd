namespace Khcn.Aip;

/// <summary>What every lifecycle verb carries: who, when it happened, why, which document, when we recorded it.</summary>
public sealed record Transition(string Actor, DateTime EventTime, string Reason, string DocumentReference, DateTime RecordTime)
{
    /// <summary>
    /// The transition of a standard-method write (create, update, delete): nobody is authenticated yet and these methods
    /// take no reason or document, so only the time is known, and it is both when it happened and when we recorded it.
    /// </summary>
    public static Transition Unattributed(DateTime now) => new("", now, "", "", now);

    public StateChange ToStateChange(int state) => new(state, Actor, EventTime, Reason, DocumentReference, RecordTime);
}
