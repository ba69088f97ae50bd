using Grpc.Core;
using Khcn.Audit.V1;

namespace Khcn.Audit;

/// <summary>Thin adapter: the scope check (audit.read) is the authentication interceptor's, the listing is <see cref="AuditLog"/>'s.</summary>
public sealed class AuditGrpcService(AuditLog log) : AuditService.AuditServiceBase
{
    public override Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context) =>
        log.ListAsync(request, context.CancellationToken);
}
