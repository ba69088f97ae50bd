using Google.Protobuf.WellKnownTypes;

namespace Khcn;

/// <summary>
/// What every lifecycle request (AIP-136 custom methods: ApproveTask, GrantAsset, AssignRecommendation …) carries
/// besides its own fields. The generated request classes implement it through partial declarations beside the protos,
/// so a service reads the six fields once instead of in every method.
/// </summary>
public interface ILifecycleRequest
{
    string Name { get; }

    string Etag { get; }

    string Actor { get; }

    Timestamp EventTime { get; }

    string Reason { get; }

    string DocumentReference { get; }
}
