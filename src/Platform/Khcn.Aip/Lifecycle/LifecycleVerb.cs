using Google.Protobuf.WellKnownTypes;

namespace Khcn.Aip;

/// <summary>What every lifecycle request (Start, Complete, Assign, …) carries besides its own fields.</summary>
public sealed record LifecycleVerb(string Name, string Etag, string Actor, Timestamp? EventTime, string Reason, string DocumentReference)
{
    public static LifecycleVerb Of(ILifecycleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(request.Name, request.Etag, request.Actor, request.EventTime, request.Reason, request.DocumentReference);
    }
}
