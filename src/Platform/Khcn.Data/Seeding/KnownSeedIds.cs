using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// <see cref="SeedCollection{TMessage}.KnownIdsAsync"/> for a resource whose history outlives its row: an id is known when
/// a row has it now or a history entry ever had, so a restart never brings back what someone deleted through the API.
/// </summary>
public static class KnownSeedIds
{
    /// <summary>Those of <paramref name="ids"/> among <paramref name="storedIds"/> or <paramref name="recordedIds"/>, in one query.</summary>
    public static Task<List<string>> StoredOrRecordedAsync(
        IQueryable<string> storedIds, IQueryable<string> recordedIds, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedIds);
        ArgumentNullException.ThrowIfNull(recordedIds);
        // Each side filtered on its own, so each uses its table's index on the id.
        return storedIds.Where(id => ids.Contains(id))
            .Union(recordedIds.Where(id => ids.Contains(id)))
            .ToListAsync(cancellationToken);
    }
}
