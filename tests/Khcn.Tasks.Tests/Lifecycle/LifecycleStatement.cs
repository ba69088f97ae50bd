using Khcn.Tests.Infrastructure;
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

    private static readonly ContractLifecycle<State> Lifecycle =
        new(State.Proposed, V1.Task.Descriptor.EnumTypes.Single(e => e.Name == "State"), Lines);

    /// <summary>Each lifecycle RPC with the states it may be called in and the state it leads to.</summary>
    public static IReadOnlyDictionary<string, (IReadOnlySet<State> Sources, State Target)> Methods => Lifecycle.Methods;

    public static bool Allows(string rpc, State from) => Lifecycle.Allows(rpc, from);

    /// <summary>A shortest sequence of state-changing methods from PROPOSED to <paramref name="target"/>.</summary>
    public static IReadOnlyList<string> PathTo(State target) => Lifecycle.PathTo(target);
}
