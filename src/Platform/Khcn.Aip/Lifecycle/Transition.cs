namespace Khcn.Aip;

/// <summary>What every lifecycle verb carries: who, when it happened, why, which document, when we recorded it.</summary>
public sealed record Transition(string Actor, DateTime EventTime, string Reason, string DocumentReference, DateTime RecordTime)
{
    public StateChange ToStateChange(int state) => new(state, Actor, EventTime, Reason, DocumentReference, RecordTime);
}
