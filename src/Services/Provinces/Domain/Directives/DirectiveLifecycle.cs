using Khcn.Aip;
using State = Khcn.Provinces.V1.Directive.Types.State;

namespace Khcn.Provinces.Domain.Directives;

/// <summary>ISSUED → IN_PROGRESS → DONE; DONE is terminal and nothing skips IN_PROGRESS.</summary>
public static class DirectiveLifecycle
{
    public const string ResourceType = "khcn.provinces.v1.Directive";

    public static bool CanMove(State from, State to) =>
        (from, to) is (State.Issued, State.InProgress) or (State.InProgress, State.Done);

    public static void EnsureAllowed(Directive directive, State target)
    {
        if (!CanMove(directive.State, target))
        {
            throw ApiException.InvalidStateTransition(
                ResourceType, $"directives/{directive.Id}", StateName(directive.State), StateName(target));
        }
    }

    private static string StateName(State state) => ProtoEnumNames.Of(state);
}
