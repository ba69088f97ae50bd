using Khcn.IntellectualProperty.V1;
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

    /// <summary>Each lifecycle RPC with the states it may be called in and the state it leads to.</summary>
    public static readonly IReadOnlyDictionary<string, (IReadOnlySet<State> Sources, State Target)> Methods = Lines
        .Select(line => line.Split(':', 2))
        .ToDictionary(
            parts => parts[0],
            parts =>
            {
                var arrow = parts[1].Split("->");
                IReadOnlySet<State> sources = arrow[0].Split('|').Select(s => StateNamed(s.Trim())).ToHashSet();
                return (sources, StateNamed(arrow[1].Trim()));
            });

    /// <summary>The states of an application not yet decided (before IN_FORCE), as the contract lists them for withdrawal.</summary>
    public static IReadOnlySet<State> PendingStates => Methods["WithdrawAsset"].Sources;

    /// <summary>Every state an asset can reach from FILED, in the order a breadth-first walk meets them.</summary>
    public static IReadOnlyList<State> ReachableStates => [.. Paths().Keys];

    public static bool Allows(string rpc, State from) => Methods[rpc].Sources.Contains(from);

    /// <summary>A shortest sequence of state-changing methods from FILED to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> PathTo(State target) => Paths()[target];

    private static Dictionary<State, List<string>> Paths()
    {
        var paths = new Dictionary<State, List<string>> { [State.Filed] = [] };
        var queue = new Queue<State>([State.Filed]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var (rpc, (sources, to)) in Methods.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (sources.Contains(state) && !paths.ContainsKey(to))
                {
                    paths[to] = [.. paths[state], rpc];
                    queue.Enqueue(to);
                }
            }
        }

        return paths;
    }

    private static State StateNamed(string protoName) =>
        (State)Asset.Descriptor.EnumTypes.Single(e => e.Name == "State").FindValueByName(protoName).Number;
}
