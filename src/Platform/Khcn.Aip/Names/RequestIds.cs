namespace Khcn.Aip;

/// <summary>Request ids for idempotent retries (AIP-155).</summary>
public static class RequestIds
{
    /// <summary>An empty request id is allowed (no deduplication); any other value must be a UUID such as "9f0a...-...".</summary>
    public static void Validate(string? requestId, string field = "request_id")
    {
        if (string.IsNullOrEmpty(requestId) || Guid.TryParseExact(requestId, "D", out _))
        {
            return;
        }

        throw ApiException.InvalidArgument(
            $"{field} must be a UUID.",
            new FieldViolation(field, "must be a UUID in its 36-character form, e.g. 123e4567-e89b-42d3-a456-426614174000"));
    }
}
