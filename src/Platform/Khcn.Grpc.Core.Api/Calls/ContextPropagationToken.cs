namespace Grpc.Core;

/// <summary>
/// Opaque token created from a server call context and passed to a child call so it inherits
/// deadline and cancellation. The concrete type is transport specific.
/// </summary>
public abstract class ContextPropagationToken
{
    protected ContextPropagationToken()
    {
    }
}
