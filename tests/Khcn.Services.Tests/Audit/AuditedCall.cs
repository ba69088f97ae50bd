using System.Diagnostics;
using Grpc.Core;
using Khcn.Audit.V1;

namespace Khcn.Services.Tests.Audit;

/// <summary>
/// A fresh W3C trace for a group of calls, sent as their traceparent, so a test finds its own audit events by trace id.
/// </summary>
public sealed class AuditedCall
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public string TraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();

    public string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    public CallOptions WithToken(string token) => new(
        headers: new Metadata { { "authorization", "Bearer " + token }, { "traceparent", TraceParent } },
        deadline: DateTime.UtcNow + CallTimeout);

    public CallOptions WithoutToken() => new(headers: new Metadata { { "traceparent", TraceParent } }, deadline: DateTime.UtcNow + CallTimeout);

    /// <summary>This trace's audit events, oldest first (every page).</summary>
    public async Task<List<AuditEvent>> EventsAsync(AuditService.AuditServiceClient audit, CallOptions reader)
    {
        var events = new List<AuditEvent>();
        var request = new ListAuditEventsRequest { Filter = $"trace_id = \"{TraceId}\"", OrderBy = "sequence" };
        do
        {
            var page = await audit.ListAuditEventsAsync(request, reader);
            events.AddRange(page.AuditEvents);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return events;
    }
}
