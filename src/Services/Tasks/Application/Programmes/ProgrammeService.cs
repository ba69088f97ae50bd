using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Access;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using ProgrammeEntity = Khcn.Tasks.Domain.Programmes.Programme;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>
/// The standard methods of the Programme resource (AIP-131..135). A programme is reference data for tasks: its code is
/// fixed at creation, and it cannot be deleted while a task belongs to it.
/// </summary>
public sealed class ProgrammeService(
    TasksDbContext db, ResourceWrites writes, RecordClock clock, IProvinceReference provinces, ProgrammeCreation creation, TaskWriteAccess access)
{
    public const string CreateScope = "khcn.tasks.v1.TasksService/CreateProgramme";

    private const string DefaultOrderBy = "code";

    /// <summary>The updatable paths, each with how it is copied from the request onto the stored programme.</summary>
    private static readonly (string Path, Action<Programme, Programme> Copy)[] Updatable =
    [
        ("display_name", (to, from) => to.DisplayName = from.DisplayName),
        ("level", (to, from) => to.Level = from.Level),
        ("start_year", (to, from) => to.StartYear = from.StartYear),
        ("end_year", (to, from) => to.EndYear = from.EndYear),
        ("managing_body", (to, from) => to.ManagingBody = from.ManagingBody),
        ("province_code", (to, from) => to.ProvinceCode = from.ProvinceCode),
    ];

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: Updatable.Select(u => u.Path),
        immutable: ["name", "code"],
        outputOnly: ["etag", "create_time", "update_time"]);

    // display_name has no collation key column: ordering by it would follow byte order, not Vietnamese order.
    private static readonly OrderBySchema<ProgrammeEntity> OrderFields = new OrderBySchema<ProgrammeEntity>()
        .Field("code", p => p.Code)
        .Field("start_year", p => p.StartYear)
        .Field("end_year", p => p.EndYear)
        .Field("create_time", p => p.CreateTime)
        .Field("update_time", p => p.UpdateTime);

    private ResourceRows<ProgrammeEntity> Rows => new(db.Programmes, ProgrammeMapping.Names, ProgrammeMapping.ResourceType, writes);

    public async Task<Programme> GetAsync(GetProgrammeRequest request, CancellationToken cancellationToken) =>
        ProgrammeMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListProgrammesResponse> ListAsync(ListProgrammesRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Programmes.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            await ProgrammeFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken),
            OrderFields,
            DefaultOrderBy,
            p => p.Id,
            cancellationToken);
        var response = new ListProgrammesResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Programmes.AddRange(page.Items.Select(ProgrammeMapping.ToProto));
        return response;
    }

    /// <summary>Creates a programme; a retry with the same request_id returns the programme created the first time.</summary>
    public async Task<Programme> CreateAsync(CreateProgrammeRequest request, CancellationToken cancellationToken)
    {
        // A programme of no province is a national one, the Ministry's; a missing programme is validation's to refuse.
        if (request.Programme is { } proposed)
        {
            await access.DemandNewAsync(ProgrammeMapping.ResourceType, proposed.ProvinceCode, cancellationToken);
        }

        ProgrammeEntity? added = null;
        var programme = await writes.CreateOnceAsync(CreateScope, request.RequestId, Programme.Parser, async () =>
        {
            var input = request.Programme ?? throw ProgrammeErrors.Missing("programme");
            added = await creation.AddAsync(input, request.ProgrammeId, cancellationToken);
            return (ProgrammeMapping.ToProto(added), ProgrammeMapping.ResourceType, ProgrammeMapping.Names.Format(added.Id));
        },
        cancellationToken,
        explainConflict: () => creation.ExplainCodeConflictAsync(added, cancellationToken));

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandNewAsync(programme.Name, programme.ProvinceCode, cancellationToken);
        return programme;
    }

    /// <summary>
    /// Changes the fields named by update_mask. The merged programme is checked by the same rules as a new one, its
    /// province code again whenever the code or the first year (the date the code must be valid on) changes.
    /// </summary>
    public async Task<Programme> UpdateAsync(UpdateProgrammeRequest request, CancellationToken cancellationToken)
    {
        var input = request.Programme ?? throw ProgrammeErrors.Missing("programme");
        var id = ProgrammeMapping.Names.Parse(input.Name, "programme.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        await access.DemandStoredProgrammeAsync(input.Name, paths.Contains("province_code") ? input.ProvinceCode : null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);

        var merged = ProgrammeMapping.ToProto(entity);
        foreach (var (_, copy) in Updatable.Where(u => paths.Contains(u.Path)))
        {
            copy(merged, input);
        }

        var validation = new ProgrammeValidation(provinces).Description(merged);
        if (paths.Contains("province_code") || paths.Contains("start_year"))
        {
            await validation.ProvinceAsync(merged, cancellationToken);
        }

        validation.ThrowIfInvalid();

        ProgrammeMapping.ApplyDescription(merged, entity);
        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await Rows.SaveAsync(input.Name, cancellationToken);
        return ProgrammeMapping.ToProto(entity);
    }

    /// <summary>Deletes a programme no task belongs to; FAILED_PRECONDITION (PROGRAMME_IN_USE) otherwise.</summary>
    public async Task<Empty> DeleteAsync(DeleteProgrammeRequest request, CancellationToken cancellationToken)
    {
        var id = ProgrammeMapping.Names.Parse(request.Name, "name");
        await access.DemandStoredProgrammeAsync(request.Name, null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, request.Name, request.Etag, cancellationToken);
        if (await TaskCountAsync(id, cancellationToken) is > 0 and var count)
        {
            throw ProgrammeErrors.InUse(request.Name, count);
        }

        db.Programmes.Remove(entity);
        try
        {
            await Rows.SaveAsync(request.Name, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsForeignKeyViolation(e))
        {
            // A task joined the programme between the check and the delete; the foreign key kept it consistent.
            db.ChangeTracker.Clear();
            throw ProgrammeErrors.InUse(request.Name, await TaskCountAsync(id, cancellationToken));
        }

        return new Empty();
    }

    private Task<int> TaskCountAsync(string programmeId, CancellationToken cancellationToken) =>
        db.Tasks.CountAsync(t => t.ProgrammeId == programmeId, cancellationToken);
}
