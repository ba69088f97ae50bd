namespace Khcn.Data;

/// <summary>
/// The stored response of a completed write (AIP-155): a retry with the same request_id gets this response
/// instead of repeating the write. Table <c>idempotency_records</c>, primary key (scope, request_id).
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The RPC method, e.g. "khcn.provinces.v1.ProvincesService/CreateEngagement".</summary>
    public string Scope { get; set; } = "";

    public string RequestId { get; set; } = "";

    /// <summary>Optional fingerprint of the request, to detect a request_id reused for a different request.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>Full protobuf name of the stored response message.</summary>
    public string ResponseType { get; set; } = "";

    /// <summary>The response in protobuf binary form.</summary>
    public byte[] Response { get; set; } = [];

    public DateTime CreateTime { get; set; }
}
