using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

public static class PagingExtensions
{
    /// <summary>
    /// Reads <paramref name="pageSize"/> items from <paramref name="offset"/> of a query that must already be
    /// ordered by a unique key (otherwise pages may overlap). One extra row is fetched to know whether more follow.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> ordered, int offset, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);

        var items = await ordered.Skip(offset).Take(pageSize + 1).ToListAsync(ct);
        var hasMore = items.Count > pageSize;
        if (hasMore) items.RemoveAt(pageSize);
        // A last page that holds rows already knows the total (so does an empty first page); only pages with more to
        // come, or an offset past the end, need a COUNT round trip.
        var totalSize = !hasMore && (offset == 0 || items.Count > 0) ? offset + items.Count : await ordered.CountAsync(ct);
        return new Page<T>(items, totalSize, hasMore);
    }
}
