namespace Khcn.Data.Audit;

/// <summary>
/// One row of the append-only <c>audit_events</c> table: a stored row that a write inserted, changed or removed, with
/// who wrote it through which call. Written in the same SaveChanges as the write (see <see cref="AuditSaveChangesInterceptor"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Database-assigned; the <c>auditEvents/{sequence}</c> of the resource name.</summary>
    public long Sequence { get; init; }

    public DateTime EventTime { get; init; }

    /// <summary>The caller's subject, or <see cref="AuditCall.AnonymousActor"/>.</summary>
    public string Actor { get; init; } = "";

    public string ClientId { get; init; } = "";

    /// <summary>The gRPC full method, e.g. "/khcn.tasks.v1.TasksService/CreateTask".</summary>
    public string Method { get; init; } = "";

    public AuditAction Action { get; init; }

    /// <summary>The resource name of the row, or its table and key values joined by '/'.</summary>
    public string Resource { get; init; } = "";

    public string ResourceType { get; init; } = "";

    /// <summary>Column names joined by ','.</summary>
    public string ChangedFields { get; init; } = "";

    /// <summary>JSON object of the stored columns before the write; null for a create.</summary>
    public string? Before { get; init; }

    /// <summary>JSON object of the stored columns after the write; null for a delete.</summary>
    public string? After { get; init; }

    public string RequestId { get; init; } = "";

    public string TraceId { get; init; } = "";
}
