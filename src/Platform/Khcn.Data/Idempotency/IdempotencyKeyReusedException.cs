namespace Khcn.Data;

/// <summary>A request_id already used for a different request in the same scope (map to INVALID_ARGUMENT).</summary>
public sealed class IdempotencyKeyReusedException(string scope, string requestId)
    : Exception($"request_id '{requestId}' was already used for a different request to {scope}.")
{
    public string Scope { get; } = scope;

    public string RequestId { get; } = requestId;
}
