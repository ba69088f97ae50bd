using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// A List*Events method (AIP-132) over one resource type's history: parent "{collection}/{id}" lists one resource's
/// events, the AIP-159 wildcard "{collection}/-" every resource's. History outlives the resource row, so the events of
/// a deleted resource stay listable; a resource that never existed (no row, no events) is NOT_FOUND. Filterable by
/// type, actor, event_time and record_time; ordered by record_time by default, with the sequence breaking ties in
/// commit order.
/// </summary>
public sealed class HistoryEventList<TEntry, TType, TState>
    where TEntry : HistoryEntry<TType, TState>
    where TType : struct, Enum
    where TState : struct, Enum
{
    private static readonly FilterSchema<TEntry> FilterFields = new FilterSchema<TEntry>()
        .Enum("type", e => e.Type)
        .String("actor", e => e.Actor)
        .Timestamp("event_time", e => e.EventTime)
        .Timestamp("record_time", e => e.RecordTime);

    // Entries are recorded in sequence order, so the sequence also breaks ties of equal record times the way they
    // were committed.
    private static readonly OrderBySchema<TEntry> OrderFields = new OrderBySchema<TEntry>()
        .Field("record_time", e => e.RecordTime)
        .Field("event_time", e => e.EventTime);

    private readonly ResourceNamePattern _parentNames;
    private readonly string _parentResourceType;
    private readonly string _allParents;

    /// <param name="parentNames">The resource's names, e.g. "tasks/{task}"; its one variable as "-" is the wildcard.</param>
    /// <param name="parentResourceType">The resource's type for NOT_FOUND's ResourceInfo.</param>
    public HistoryEventList(ResourceNamePattern parentNames, string parentResourceType)
    {
        ArgumentNullException.ThrowIfNull(parentNames);
        _parentNames = parentNames;
        _parentResourceType = parentResourceType;
        _allParents = parentNames.Pattern[..(parentNames.Pattern.IndexOf('{', StringComparison.Ordinal))] + "-";
    }

    /// <param name="history">Every entry of the resource type.</param>
    /// <param name="eventsOf">The entries of one resource id.</param>
    /// <param name="resourceExists">Whether the resource's row is stored now.</param>
    /// <param name="parent">The request's parent; part of the page token's fingerprint with filter and order_by.</param>
    public async Task<ListPage<TEntry>> ListAsync(
        IQueryable<TEntry> history,
        Func<string, IQueryable<TEntry>> eventsOf,
        Func<string, CancellationToken, Task<bool>> resourceExists,
        string parent,
        int pageSize,
        string? pageToken,
        string? filter,
        string? orderBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsOf);
        ArgumentNullException.ThrowIfNull(resourceExists);
        var events = history.AsNoTracking();
        if (parent != _allParents)
        {
            var id = _parentNames.Parse(parent, "parent");
            if (!await resourceExists(id, cancellationToken) && !await eventsOf(id).AnyAsync(cancellationToken))
            {
                throw ApiException.NotFound(_parentResourceType, parent);
            }

            events = eventsOf(id).AsNoTracking();
        }

        return await events.KeysetPageAsync(
            new ListRequest(pageSize, pageToken, filter, orderBy, parent), FilterFields, OrderFields, "record_time", e => e.Sequence, cancellationToken);
    }
}
