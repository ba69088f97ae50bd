using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Tests.Lifecycle;

/// <summary>
/// The task lifecycle as tasks_service.proto states it, one line per lifecycle method, written out here independently
/// of the service's own table so the tests derive what to expect from the contract, not from the code under test.
/// </summary>
internal static class LifecycleStatement
{
    private static readonly string[] Lines =
    [
        "SelectTask: PROPOSED -> SELECTED",
        "ApproveTask: SELECTED -> APPROVED",
        "ContractTask: APPROVED -> CONTRACTED",
        "StartTask: CONTRACTED -> IN_PROGRESS",
        "AdjustTask: IN_PROGRESS -> IN_PROGRESS",
        "ExtendTask: IN_PROGRESS -> IN_PROGRESS",
        "AcceptTask: IN_PROGRESS -> ACCEPTED",
        "FailTask: IN_PROGRESS -> FAILED",
        "TerminateTask: APPROVED | CONTRACTED | IN_PROGRESS -> TERMINATED",
        "ReplicateTask: ACCEPTED -> REPLICATED",
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

    public static bool Allows(string rpc, State from) => Methods[rpc].Sources.Contains(from);

    /// <summary>A shortest sequence of state-changing methods from PROPOSED to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> PathTo(State target)
    {
        var paths = new Dictionary<State, List<string>> { [State.Proposed] = [] };
        var queue = new Queue<State>([State.Proposed]);
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

        return paths[target];
    }

    private static State StateNamed(string protoName) =>
        (State)V1.Task.Descriptor.EnumTypes.Single(e => e.Name == "State").FindValueByName(protoName).Number;
}
