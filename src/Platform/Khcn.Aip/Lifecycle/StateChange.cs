namespace Khcn.Aip;

/// <summary>
/// One lifecycle transition, kept forever in the record's history (who, when in the real world, why,
/// which document, when we recorded it). <see cref="State"/> is the numeric value of the resource's
/// proto State enum so one shape serves recommendations and directives.
/// </summary>
public sealed record StateChange(
    int State,
    string Actor,
    DateTime EventTime,
    string Reason,
    string DocumentReference,
    DateTime RecordTime);
