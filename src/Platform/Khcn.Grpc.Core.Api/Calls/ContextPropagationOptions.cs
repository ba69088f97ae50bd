namespace Grpc.Core;

/// <summary>Which properties of a server call are propagated to a child call.</summary>
public class ContextPropagationOptions(bool propagateDeadline = true, bool propagateCancellation = true)
{
    public static readonly ContextPropagationOptions Default = new();

    public bool IsPropagateDeadline { get; } = propagateDeadline;

    public bool IsPropagateCancellation { get; } = propagateCancellation;
}
