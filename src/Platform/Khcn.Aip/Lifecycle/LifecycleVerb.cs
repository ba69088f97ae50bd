using Google.Protobuf.WellKnownTypes;

namespace Khcn.Aip;

/// <summary>What every lifecycle request (Start, Complete, Assign, …) carries besides its own fields.</summary>
public sealed record LifecycleVerb(string Name, string Etag, string Actor, Timestamp? EventTime, string Reason, string DocumentReference);
