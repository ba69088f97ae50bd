using Khcn.Audit.V1;
using Khcn.Data;
using Khcn.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Audit;

/// <summary>ListAuditEvents over the service's own database (scoped: one per call, on the call's context).</summary>
public sealed class AuditLog(DbContext db)
{
    public async Task<ListAuditEventsResponse> ListAsync(ListAuditEventsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await db.Set<AuditEntry>().AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            AuditEventFilters.Fields,
            AuditEventFilters.Ordering,
            AuditEventFilters.DefaultOrderBy,
            e => e.Sequence,
            cancellationToken);
        var response = new ListAuditEventsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.AuditEvents.AddRange(page.Items.Select(AuditEventMapping.ToProto));
        return response;
    }
}
