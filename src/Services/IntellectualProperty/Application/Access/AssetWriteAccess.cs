using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;

namespace Khcn.IntellectualProperty.Application.Access;

/// <summary>
/// The province rule of writes (<see cref="ProvinceWriteAccess"/>) on assets: an asset is written for its province;
/// one recorded without a province only by the Ministry. A stored asset is checked before its etag and before any
/// validation, so a refused caller learns nothing more.
/// </summary>
public sealed class AssetWriteAccess(IpDbContext db, ProvinceWriteAccess access)
{
    /// <summary>An asset about to be created under <paramref name="provinceCode"/>, or the answer of a replayed create.</summary>
    public Task DemandNewAsync(string resource, string? provinceCode, CancellationToken cancellationToken) =>
        access.DemandAsync(resource, provinceCode, cancellationToken);

    /// <summary>
    /// The stored asset <paramref name="name"/> and, when the write moves it, its <paramref name="newProvinceCode"/>:
    /// both must be granted. Nothing is checked for a malformed or unknown name; the write itself reports those.
    /// </summary>
    public async Task DemandStoredAsync(string? name, string? newProvinceCode, CancellationToken cancellationToken)
    {
        if (!access.IsEnforced || !AssetMapping.Names.TryParse(name, out var ids))
        {
            return;
        }

        var stored = await db.Assets.AsNoTracking()
            .Where(a => a.Id == ids[0])
            .Select(a => new { a.ProvinceCode })
            .FirstOrDefaultAsync(cancellationToken);
        await access.DemandStoredAsync(name!, stored is not null, stored?.ProvinceCode, newProvinceCode, cancellationToken);
    }
}
