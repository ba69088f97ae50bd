using Google.Protobuf.Reflection;

namespace Khcn.Tests.Infrastructure;

/// <summary>
/// A resource's lifecycle as its contract states it, written in a test as one line per lifecycle method
/// ("ApproveTask: SELECTED -> APPROVED", sources separated by "|"), with states in their proto names. Tests derive what
/// to expect from these lines, independently of the service's own transition table, so the two check each other.
/// </summary>
/// <typeparam name="TState">The contract's generated state enum.</typeparam>
public sealed class ContractLifecycle<TState>
    where TState : struct, Enum
{
    private readonly TState _initial;
    private readonly EnumDescriptor _states;

    /// <param name="initial">The state a new resource starts in.</param>
    /// <param name="states">The proto descriptor of <typeparamref name="TState"/>, to read the proto names.</param>
    /// <param name="lines">One "Method: SOURCE | SOURCE -> TARGET" line per lifecycle method.</param>
    public ContractLifecycle(TState initial, EnumDescriptor states, IEnumerable<string> lines)
    {
        _initial = initial;
        _states = states;
        Methods = lines
            .Select(line => line.Split(':', 2))
            .ToDictionary(
                parts => parts[0],
                parts =>
                {
                    var arrow = parts[1].Split("->");
                    IReadOnlySet<TState> sources = arrow[0].Split('|').Select(s => StateNamed(s.Trim())).ToHashSet();
                    return (sources, StateNamed(arrow[1].Trim()));
                });
    }

    /// <summary>Each lifecycle RPC with the states it may be called in and the state it leads to.</summary>
    public IReadOnlyDictionary<string, (IReadOnlySet<TState> Sources, TState Target)> Methods { get; }

    public bool Allows(string rpc, TState from) => Methods[rpc].Sources.Contains(from);

    /// <summary>
    /// Every state reachable from the initial one, in the order a breadth-first walk meets them (methods taken in
    /// ordinal order of their names), each with a shortest sequence of methods leading to it.
    /// </summary>
    public IReadOnlyDictionary<TState, List<string>> Paths()
    {
        var paths = new Dictionary<TState, List<string>> { [_initial] = [] };
        var queue = new Queue<TState>([_initial]);
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

    /// <summary>A shortest sequence of state-changing methods from the initial state to <paramref name="target"/>.</summary>
    public IReadOnlyList<string> PathTo(TState target) => Paths()[target];

    private TState StateNamed(string protoName) => (TState)Enum.ToObject(typeof(TState), _states.FindValueByName(protoName).Number);
}
