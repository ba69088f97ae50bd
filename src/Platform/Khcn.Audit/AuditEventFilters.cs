using Khcn.Aip;
using Khcn.Data.Audit;

namespace Khcn.Audit;

/// <summary>The AIP-160 filter fields and AIP-132 order_by fields of ListAuditEvents; every term translates to SQL on both providers.</summary>
internal static class AuditEventFilters
{
    public const string DefaultOrderBy = "sequence desc";

    public static readonly FilterSchema<AuditEntry> Fields = new FilterSchema<AuditEntry>()
        .String("resource", e => e.Resource)
        .String("resource_type", e => e.ResourceType)
        .String("actor", e => e.Actor)
        .String("client_id", e => e.ClientId)
        .String("method", e => e.Method)
        .Enum("action", e => e.Action)
        .String("request_id", e => e.RequestId)
        .String("trace_id", e => e.TraceId)
        .Timestamp("event_time", e => e.EventTime);

    public static readonly OrderBySchema<AuditEntry> Ordering = new OrderBySchema<AuditEntry>()
        .Field("sequence", e => e.Sequence)
        .Field("event_time", e => e.EventTime);
}
