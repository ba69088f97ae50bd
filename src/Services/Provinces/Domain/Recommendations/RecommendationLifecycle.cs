using Khcn.Aip;
using State = Khcn.Provinces.V1.Recommendation.Types.State;

namespace Khcn.Provinces.Domain.Recommendations;

/// <summary>
/// RAISED → ASSIGNED → IN_PROGRESS → ANSWERED, and DECLINED from any open state (a request can be
/// refused before anyone works on it). ANSWERED and DECLINED are terminal.
/// </summary>
public static class RecommendationLifecycle
{
    public const string ResourceType = "khcn.provinces.v1.Recommendation";

    private static readonly Dictionary<State, State[]> AllowedFrom = new()
    {
        [State.Assigned] = [State.Raised],
        [State.InProgress] = [State.Assigned],
        [State.Answered] = [State.InProgress],
        [State.Declined] = [State.Raised, State.Assigned, State.InProgress],
    };

    public static bool IsTerminal(State state) => state is State.Answered or State.Declined;

    public static bool CanMove(State from, State to) =>
        AllowedFrom.TryGetValue(to, out var sources) && sources.Contains(from);

    public static void EnsureAllowed(Recommendation recommendation, State target)
    {
        if (!CanMove(recommendation.State, target))
        {
            throw ApiException.InvalidStateTransition(
                ResourceType, $"recommendations/{recommendation.Id}", StateName(recommendation.State), StateName(target));
        }
    }

    private static string StateName(State state) => ProtoEnumNames.Of(state);
}
