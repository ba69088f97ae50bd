using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Lifecycle;

/// <summary>
/// The asset lifecycle as asset.proto and intellectual_property_service.proto state it, one line per lifecycle method,
/// written out here independently of the service's own table so the tests derive what to expect from the contract, not
/// from the code under test.
/// </summary>
internal static class AssetLifecycleStatement
{
    private static readonly string[] Lines =
    [
        "StartAssetFormalityExamination: FILED -> FORMALITY_EXAMINATION",
        "AcceptAsset: FORMALITY_EXAMINATION -> ACCEPTED_AS_VALID",
        "PublishAsset: ACCEPTED_AS_VALID -> PUBLISHED",
        "StartAssetSubstantiveExamination: PUBLISHED -> SUBSTANTIVE_EXAMINATION",
        "GrantAsset: SUBSTANTIVE_EXAMINATION -> IN_FORCE",
        "RefuseAsset: FORMALITY_EXAMINATION | SUBSTANTIVE_EXAMINATION -> REFUSED",
        "RenewAsset: IN_FORCE -> IN_FORCE",
        "ExpireAsset: IN_FORCE -> EXPIRED",
        "TerminateAsset: IN_FORCE -> TERMINATED",
        "InvalidateAsset: IN_FORCE -> INVALIDATED",
        "WithdrawAsset: FILED | FORMALITY_EXAMINATION | ACCEPTED_AS_VALID | PUBLISHED | SUBSTANTIVE_EXAMINATION -> WITHDRAWN",
    ];

    private static readonly ContractLifecycle<State> Lifecycle =
        new(State.Filed, Asset.Descriptor.EnumTypes.Single(e => e.Name == "State"), Lines);

    /// <summary>Each lifecycle RPC with the states it may be called in and the state it leads to.</summary>
    public static IReadOnlyDictionary<string, (IReadOnlySet<State> Sources, State Target)> Methods => Lifecycle.Methods;

    /// <summary>The states of an application not yet decided (before IN_FORCE), as the contract lists them for withdrawal.</summary>
    public static IReadOnlySet<State> PendingStates => Methods["WithdrawAsset"].Sources;

    /// <summary>Every state an asset can reach from FILED, in the order a breadth-first walk meets them.</summary>
    public static IReadOnlyList<State> ReachableStates => [.. Lifecycle.Paths().Keys];

    public static bool Allows(string rpc, State from) => Lifecycle.Allows(rpc, from);

    /// <summary>A shortest sequence of state-changing methods from FILED to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> PathTo(State target) => Lifecycle.PathTo(target);
}
