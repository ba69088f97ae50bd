using Khcn.Aip;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Domain.Assets;

/// <summary>
/// The examination lifecycle as data: for each verb, the state it leads to and the states it may start from.
/// <code>
/// FILED → FORMALITY_EXAMINATION → ACCEPTED_AS_VALID → PUBLISHED → SUBSTANTIVE_EXAMINATION → IN_FORCE (Grant)
///         FORMALITY_EXAMINATION | SUBSTANTIVE_EXAMINATION → REFUSED
/// IN_FORCE → IN_FORCE (Renew) | EXPIRED | TERMINATED | INVALIDATED
/// FILED … SUBSTANTIVE_EXAMINATION (pending) → WITHDRAWN
/// </code>
/// Keyed by verb rather than by target state because Grant and Renew both lead to IN_FORCE from different sources.
/// </summary>
public static class AssetLifecycle
{
    public const string ResourceType = "ip.khcn.gov.vn/Asset";

    /// <summary>The states of an application not yet decided: a withdrawal is possible from each.</summary>
    public static readonly IReadOnlyList<State> PendingStates =
    [
        State.Filed, State.FormalityExamination, State.AcceptedAsValid, State.Published, State.SubstantiveExamination,
    ];

    private static readonly Dictionary<AssetVerb, (State Target, State[] Sources)> Rules = new()
    {
        [AssetVerb.StartFormalityExamination] = (State.FormalityExamination, [State.Filed]),
        [AssetVerb.Accept] = (State.AcceptedAsValid, [State.FormalityExamination]),
        [AssetVerb.Publish] = (State.Published, [State.AcceptedAsValid]),
        [AssetVerb.StartSubstantiveExamination] = (State.SubstantiveExamination, [State.Published]),
        [AssetVerb.Grant] = (State.InForce, [State.SubstantiveExamination]),
        [AssetVerb.Refuse] = (State.Refused, [State.FormalityExamination, State.SubstantiveExamination]),
        [AssetVerb.Renew] = (State.InForce, [State.InForce]),
        [AssetVerb.Expire] = (State.Expired, [State.InForce]),
        [AssetVerb.Terminate] = (State.Terminated, [State.InForce]),
        [AssetVerb.Invalidate] = (State.Invalidated, [State.InForce]),
        [AssetVerb.Withdraw] = (State.Withdrawn, [.. PendingStates]),
    };

    /// <summary>The state an asset is in after <paramref name="verb"/>.</summary>
    public static State TargetOf(AssetVerb verb) => Rules[verb].Target;

    public static bool CanApply(AssetVerb verb, State from) => Rules[verb].Sources.Contains(from);

    /// <summary>States no verb leaves.</summary>
    public static bool IsTerminal(State state) =>
        state is State.Refused or State.Withdrawn or State.Expired or State.Terminated or State.Invalidated;

    /// <summary>FAILED_PRECONDITION (INVALID_STATE_TRANSITION) naming the asset's current state unless it allows <paramref name="verb"/>.</summary>
    public static void EnsureAllowed(IpAsset asset, AssetVerb verb)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (!CanApply(verb, asset.State))
        {
            throw ApiException.InvalidStateTransition(
                ResourceType, $"assets/{asset.Id}", ProtoEnumNames.Of(asset.State), ProtoEnumNames.Of(TargetOf(verb)));
        }
    }
}
