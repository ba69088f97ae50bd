using System.Linq.Expressions;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Provinces;
using Khcn.ProvinceReference;
using Khcn.Security;
using Khcn.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// The suite's province rule of writes (<see cref="ProvinceWriteAccess"/>) for this service's records, which name
/// their province as a reference ("provinces/45"). The lineage comes from this service's own directory, not from a
/// call to itself. A stored record is checked before its etag and before any validation, so a refused caller learns
/// nothing more. A reference that is not a province name is left to validation, which refuses it.
/// </summary>
public sealed class ProvinceRecordWriteAccess(ICallerContext callers, ProvinceDirectory provinces)
{
    private readonly ProvinceWriteAccess _access = new(KhcnClaims.Services.Provinces, callers, provinces.LineageCodes);

    public bool IsEnforced => _access.IsEnforced;

    /// <summary>A record about to be created (or the answer of a replayed create) under the province <paramref name="provinceName"/>.</summary>
    public Task DemandReferenceAsync(string resource, string? provinceName, CancellationToken cancellationToken) =>
        ProvinceDirectory.NamePattern.TryParse(provinceName, out var ids)
            ? _access.DemandAsync(resource, ids[0], cancellationToken)
            : Task.CompletedTask;

    /// <summary>A record of the province codes <paramref name="provinceCodes"/> (null or empty: a central one, the Ministry's).</summary>
    public Task DemandCodesAsync(string resource, IEnumerable<string?> provinceCodes, CancellationToken cancellationToken) =>
        _access.DemandAsync(resource, provinceCodes, cancellationToken);

    /// <summary>
    /// The stored record <paramref name="name"/> of <paramref name="rows"/> and, when the write moves it, the province
    /// <paramref name="newProvinceName"/>: both must be granted. Nothing is checked for a malformed or unknown name; the
    /// write itself reports those.
    /// </summary>
    public async Task DemandStoredAsync<TEntity>(
        IQueryable<TEntity> rows,
        ResourceNamePattern names,
        string? name,
        Expression<Func<TEntity, string>> provinceCode,
        string? newProvinceName,
        CancellationToken cancellationToken)
        where TEntity : class, IVersionedResource
    {
        if (!IsEnforced || !names.TryParse(name, out var ids))
        {
            return;
        }

        var id = ids[0];
        var stored = await rows.AsNoTracking().Where(r => r.Id == id).Select(provinceCode).Take(1).ToListAsync(cancellationToken);
        if (stored.Count > 0)
        {
            await _access.DemandAsync(name!, stored[0], cancellationToken);
        }

        await DemandReferenceAsync(name!, newProvinceName, cancellationToken);
    }
}
