using System.Globalization;
using Khcn.Aip;
using Khcn.Audit.V1;
using Khcn.Data.Audit;

namespace Khcn.Audit;

/// <summary>AuditEntry (an audit_events row) → AuditEvent.</summary>
internal static class AuditEventMapping
{
    public const string CollectionId = "auditEvents";

    public static AuditEvent ToProto(AuditEntry entry)
    {
        var proto = new AuditEvent
        {
            Name = $"{CollectionId}/{entry.Sequence.ToString(CultureInfo.InvariantCulture)}",
            EventTime = ProtoConvert.ToTimestamp(entry.EventTime),
            Actor = entry.Actor,
            ClientId = entry.ClientId,
            Method = entry.Method,
            Action = entry.Action switch
            {
                AuditAction.Create => AuditEvent.Types.Action.Create,
                AuditAction.Update => AuditEvent.Types.Action.Update,
                AuditAction.Delete => AuditEvent.Types.Action.Delete,
                _ => AuditEvent.Types.Action.Unspecified,
            },
            Resource = entry.Resource,
            ResourceType = entry.ResourceType,
            Before = entry.Before ?? "",
            After = entry.After ?? "",
            RequestId = entry.RequestId,
            TraceId = entry.TraceId,
        };
        proto.ChangedFields.AddRange(entry.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return proto;
    }
}
