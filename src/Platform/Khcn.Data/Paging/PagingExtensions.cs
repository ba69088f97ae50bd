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
        // A first page that is also the last one already knows the total; otherwise count separately.
        var totalSize = offset == 0 && !hasMore ? items.Count : await ordered.CountAsync(ct);
        return new Page<T>(items, totalSize, hasMore);
    }
}
