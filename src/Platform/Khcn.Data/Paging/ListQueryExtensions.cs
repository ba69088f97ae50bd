using System.Linq.Expressions;
using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// One List call, done the same way by every resource: page size (AIP-158), a page token bound to the filter and
/// ordering, the AIP-160 filter and AIP-132 ordering translated to SQL, total_size.
/// </summary>
public static class ListQueryExtensions
{
    /// <summary>
    /// Reads one page by keyset ("seek") pagination: the order is <c>order_by</c> (or <paramref name="defaultOrderBy"/>)
    /// then <paramref name="tieBreaker"/>, a unique key of one of the same types (an id, a sequence number); the next_page_token carries the order key values of the
    /// page's last row, and the next page reads the rows after them (<c>WHERE (k1, …, id) &gt; (v1, …, vid)</c>), so
    /// the database seeks through an index instead of skipping rows and a deep page costs what the first does.
    /// Rows inserted or deleted between pages never make an existing row appear twice or go missing.
    /// </summary>
    /// <remarks>
    /// Order keys must be string, int, long, double, bool, an enum or DateTime; <paramref name="ordering"/> refuses
    /// nullable keys when built, and this throws <see cref="InvalidOperationException"/> if a field has another type.
    /// Keys must read the same in memory as in SQL (plain columns): the token takes them from the last row.
    /// total_size is the COUNT of the filtered rows. A token is bound to the filter, order_by and
    /// <see cref="ListRequest.OtherParameters"/>: reused with others, or edited, it is INVALID_ARGUMENT on page_token.
    /// </remarks>
    public static async Task<ListPage<T>> KeysetPageAsync<T, TId>(
        this IQueryable<T> source,
        ListRequest request,
        FilterSchema<T> filters,
        OrderBySchema<T> ordering,
        string defaultOrderBy,
        Expression<Func<T, TId>> tieBreaker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(filters);

        var pageSize = PageSizes.Normalize(request.PageSize, request.DefaultPageSize, request.MaxPageSize);
        var order = KeysetOrder<T>.Create(request.OrderBy, ordering, defaultOrderBy, tieBreaker);
        // The effective order is bound too, so a token issued before a change of the default order is refused.
        var fingerprint = RequestFingerprint.Of([request.Filter, request.OrderBy, .. request.OtherParameters, order.Description]);
        var position = KeysetPageTokens.Decode(request.PageToken, fingerprint, order.KeyTypes);

        var filtered = Filters.Compile(request.Filter, filters) is { } predicate ? source.Where(predicate) : source;
        var remaining = position is null ? filtered : filtered.Where(order.After(position));
        // One extra row tells whether a next page exists.
        var items = await order.Apply(remaining).Take(pageSize + 1).ToListAsync(cancellationToken);
        var hasMore = items.Count > pageSize;
        if (hasMore)
        {
            items.RemoveAt(pageSize);
        }

        // A first page that holds every row already knows the total; any other page has to count.
        var totalSize = (position is null && !hasMore) || !request.CountTotal ? items.Count : await filtered.CountAsync(cancellationToken);
        var nextPageToken = hasMore ? KeysetPageTokens.Encode(order.PositionOf(items[^1]), fingerprint) : "";
        return new ListPage<T>(items, totalSize, nextPageToken);
    }
}
