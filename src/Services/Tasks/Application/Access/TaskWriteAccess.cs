using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Tasks.Application.Access;

/// <summary>
/// The province rule of writes (<see cref="ProvinceWriteAccess"/>) on this service's resources: a task is written
/// for its province, a programme for its province or, when it has none (a national programme), by the Ministry only.
/// A stored record is checked before its etag and before any validation, so a refused caller learns nothing more.
/// </summary>
public sealed class TaskWriteAccess(TasksDbContext db, ProvinceWriteAccess access)
{
    /// <summary>A record about to be created (the type) or the answer of a replayed create (its name), under <paramref name="provinceCode"/>.</summary>
    public Task DemandNewAsync(string resource, string? provinceCode, CancellationToken cancellationToken) =>
        access.DemandAsync(resource, provinceCode, cancellationToken);

    /// <summary>
    /// The stored task <paramref name="name"/> and, when the write moves it, its <paramref name="newProvinceCode"/>: both
    /// must be granted. Nothing is checked for a malformed or unknown name; the write itself reports those.
    /// </summary>
    public async Task DemandStoredTaskAsync(string? name, string? newProvinceCode, CancellationToken cancellationToken)
    {
        if (!access.IsEnforced || !TaskMapping.Names.TryParse(name, out var ids))
        {
            return;
        }

        var stored = await db.Tasks.AsNoTracking()
            .Where(t => t.Id == ids[0])
            .Select(t => t.ProvinceCode)
            .FirstOrDefaultAsync(cancellationToken);
        await access.DemandStoredAsync(name!, stored is not null, stored, newProvinceCode, cancellationToken);
    }

    /// <summary>As <see cref="DemandStoredTaskAsync"/> for a programme; an empty province code is a national programme.</summary>
    public async Task DemandStoredProgrammeAsync(string? name, string? newProvinceCode, CancellationToken cancellationToken)
    {
        if (!access.IsEnforced || !ProgrammeMapping.Names.TryParse(name, out var ids))
        {
            return;
        }

        var stored = await db.Programmes.AsNoTracking()
            .Where(p => p.Id == ids[0])
            .Select(p => new { p.ProvinceCode })
            .FirstOrDefaultAsync(cancellationToken);
        await access.DemandStoredAsync(name!, stored is not null, stored?.ProvinceCode, newProvinceCode, cancellationToken);
    }
}
