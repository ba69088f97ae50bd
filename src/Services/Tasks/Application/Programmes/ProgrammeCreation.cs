using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using ProgrammeEntity = Khcn.Tasks.Domain.Programmes.Programme;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>
/// How a programme enters the register, for CreateProgramme and the seed loader alike: every rule checked (one
/// INVALID_ARGUMENT with all violations), the code free, the id claimed, the row added to the context — unsaved, so the
/// caller commits it with whatever else belongs to the same write.
/// </summary>
public sealed class ProgrammeCreation(TasksDbContext db, ResourceWrites writes, RecordClock clock, IProvinceReference provinces)
{
    public async Task<ProgrammeEntity> AddAsync(Programme input, string? programmeId, CancellationToken cancellationToken)
    {
        var validation = new ProgrammeValidation(provinces)
            .ProgrammeId(programmeId)
            .Code(input.Code)
            .Description(input);
        await validation.ProvinceAsync(input, cancellationToken);
        validation.ThrowIfInvalid();

        var code = Nfc.Of(input.Code);
        if (await DuplicateCodeAsync(code, cancellationToken) is { } duplicate)
        {
            throw duplicate;
        }

        var rows = new ResourceRows<ProgrammeEntity>(db.Programmes, ProgrammeMapping.Names, ProgrammeMapping.ResourceType, writes);
        var (id, _) = await rows.ClaimAsync(programmeId, cancellationToken);
        var now = clock.UtcNow();
        var programme = new ProgrammeEntity { Id = id, Code = code, DisplayName = "", Version = 1, CreateTime = now, UpdateTime = now };
        ProgrammeMapping.ApplyDescription(input, programme);
        db.Programmes.Add(programme);
        return programme;
    }

    /// <summary>For a save that lost a race on the unique code index: DUPLICATE_PROGRAMME_CODE naming the winner, else null.</summary>
    public Task<ApiException?> ExplainCodeConflictAsync(ProgrammeEntity? added, CancellationToken cancellationToken) =>
        added is null ? Task.FromResult<ApiException?>(null) : DuplicateCodeAsync(added.Code, cancellationToken);

    /// <summary>The code's holder as an error: a programme added earlier in this unit of work, or a stored one.</summary>
    private async Task<ApiException?> DuplicateCodeAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            return null;
        }

        var holder = db.Programmes.Local.FirstOrDefault(p => p.Code == code)?.Id
            // "code <> ''" repeats the predicate of the partial unique index on code, without which SQLite uses no index.
            ?? await db.Programmes.AsNoTracking()
                .Where(p => p.Code == code && p.Code != "")
                .Select(p => p.Id)
                .FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : ProgrammeErrors.DuplicateCode(code, ProgrammeMapping.Names.Format(holder));
    }
}
