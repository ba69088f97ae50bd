namespace Khcn.Aip;

/// <summary>
/// A request failure that domain and application code throw without knowing about gRPC. The server's exception
/// interceptor turns it into a google.rpc.Status carrying ErrorInfo (always), BadRequest (when there are field
/// violations) and ResourceInfo (when a resource is named), as AIP-193 asks.
/// </summary>
public sealed class ApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public ApiException(
        ApiErrorCode code,
        string reason,
        string message,
        IReadOnlyList<FieldViolation>? violations = null,
        string? resourceType = null,
        string? resourceName = null,
        IReadOnlyDictionary<string, string>? metadata = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Code = code;
        Reason = reason;
        Violations = violations ?? [];
        ResourceType = resourceType;
        ResourceName = resourceName;
        Metadata = metadata ?? NoMetadata;
    }

    public ApiErrorCode Code { get; }

    /// <summary>Machine-readable cause in UPPER_SNAKE_CASE, e.g. "PROVINCE_NOT_FOUND" (ErrorInfo.reason).</summary>
    public string Reason { get; }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>Fully-qualified resource type, e.g. "khcn.provinces.v1.Province".</summary>
    public string? ResourceType { get; }

    /// <summary>Resource name, e.g. "provinces/45".</summary>
    public string? ResourceName { get; }

    /// <summary>ErrorInfo.metadata: lowerCamel or snake_case keys with the values a client can act on.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static ApiException InvalidArgument(string message, params FieldViolation[] violations) =>
        new(ApiErrorCode.InvalidArgument, "INVALID_ARGUMENT", message, violations);

    public static ApiException InvalidArgument(string reason, string message, params FieldViolation[] violations) =>
        new(ApiErrorCode.InvalidArgument, reason, message, violations);

    public static ApiException NotFound(string resourceType, string resourceName) =>
        new(ApiErrorCode.NotFound,
            $"{UpperSnakeCase.FromTypeName(resourceType)}_NOT_FOUND",
            $"{UpperSnakeCase.ShortTypeName(resourceType)} \"{resourceName}\" was not found.",
            resourceType: resourceType,
            resourceName: resourceName);

    public static ApiException AlreadyExists(string resourceType, string resourceName) =>
        new(ApiErrorCode.AlreadyExists,
            $"{UpperSnakeCase.FromTypeName(resourceType)}_ALREADY_EXISTS",
            $"{UpperSnakeCase.ShortTypeName(resourceType)} \"{resourceName}\" already exists.",
            resourceType: resourceType,
            resourceName: resourceName);

    public static ApiException FailedPrecondition(
        string reason,
        string message,
        IReadOnlyDictionary<string, string>? metadata = null,
        string? resourceType = null,
        string? resourceName = null) =>
        new(ApiErrorCode.FailedPrecondition, reason, message, resourceType: resourceType, resourceName: resourceName, metadata: metadata);

    /// <summary>AIP-154: the etag sent with an update or delete is stale. ABORTED, so the client re-reads and retries.</summary>
    public static ApiException EtagMismatch(string resourceType, string resourceName) =>
        new(ApiErrorCode.Aborted,
            "ETAG_MISMATCH",
            $"{UpperSnakeCase.ShortTypeName(resourceType)} \"{resourceName}\" has changed since it was read: read it again and retry with the new etag.",
            resourceType: resourceType,
            resourceName: resourceName);

    public static ApiException Aborted(string reason, string message, string? resourceType = null, string? resourceName = null) =>
        new(ApiErrorCode.Aborted, reason, message, resourceType: resourceType, resourceName: resourceName);

    /// <summary>A position past the end of what exists (AIP-193 OUT_OF_RANGE), e.g. a resume token the server never issued.</summary>
    public static ApiException OutOfRange(string reason, string message, params FieldViolation[] violations) =>
        new(ApiErrorCode.OutOfRange, reason, message, violations);

    /// <summary>A lifecycle verb called in a state that does not allow it (e.g. accepting a task that was never contracted).</summary>
    public static ApiException InvalidStateTransition(string resourceType, string resourceName, string fromState, string toState) =>
        new(ApiErrorCode.FailedPrecondition,
            "INVALID_STATE_TRANSITION",
            $"{UpperSnakeCase.ShortTypeName(resourceType)} \"{resourceName}\" cannot go from {fromState} to {toState}.",
            resourceType: resourceType,
            resourceName: resourceName,
            metadata: new Dictionary<string, string> { ["from_state"] = fromState, ["to_state"] = toState });
}
