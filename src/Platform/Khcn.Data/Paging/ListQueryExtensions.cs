using System.Linq.Expressions;
using Khcn.Aip;

namespace Khcn.Data;

/// <summary>
/// One List call, done the same way by every resource: page size (AIP-158), a page token bound to
/// the filter and ordering, the AIP-160 filter and AIP-132 ordering translated to SQL, total_size.
/// </summary>
public static class ListQueryExtensions
{
    public static async Task<ListPage<T>> ListPageAsync<T, TId>(
        this IQueryable<T> source,
        ListRequest request,
        FilterSchema<T> filters,
        OrderBySchema<T> ordering,
        string defaultOrderBy,
        Expression<Func<T, TId>> tieBreaker,
        CancellationToken cancellationToken)
    {
        var pageSize = PageSizes.Normalize(request.PageSize, request.DefaultPageSize, request.MaxPageSize);
        var fingerprint = RequestFingerprint.Of([request.Filter, request.OrderBy, .. request.OtherParameters]);
        var offset = PageTokens.Decode(request.PageToken, fingerprint);

        if (Filters.Compile(request.Filter, filters) is { } predicate)
        {
            source = source.Where(predicate);
        }

        var page = await Ordering.Apply(source, request.OrderBy, ordering, defaultOrderBy, tieBreaker)
            .ToPageAsync(offset, pageSize, cancellationToken);
        var nextPageToken = page.HasMore ? PageTokens.Encode(offset + page.Items.Count, fingerprint) : "";
        return new ListPage<T>(page.Items, page.TotalSize, nextPageToken);
    }
}

/// <summary>A page ready for a List response: the items, total_size and next_page_token.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int TotalSize, string NextPageToken);
