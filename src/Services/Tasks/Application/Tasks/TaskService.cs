using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Access;
using Khcn.Tasks.Application.History;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>
/// The standard methods of the Task resource (AIP-131..135). Content changes through Update only until the work
/// starts; the state changes only through the lifecycle methods. Every write records its history entry in the same
/// transaction as the row.
/// </summary>
public sealed class TaskService(
    TasksDbContext db,
    ResourceWrites writes,
    RecordClock clock,
    TaskHistory history,
    TaskCreation creation,
    IProvinceReference provinces,
    TaskWriteAccess access)
{
    public const string CreateScope = "khcn.tasks.v1.TasksService/CreateTask";

    private const string DefaultOrderBy = "start_date desc, code";

    /// <summary>
    /// The updatable paths, each with how it is copied from the request onto the stored task. Applied in this order,
    /// so a whole message ("budget") goes before its parts ("budget.state_budget_vnd") when a mask names both.
    /// </summary>
    private static readonly (string Path, Action<TaskMessage, TaskMessage> Copy)[] Updatable =
    [
        ("title", (to, from) => to.Title = from.Title),
        ("kind", (to, from) => to.Kind = from.Kind),
        ("level", (to, from) => to.Level = from.Level),
        ("programme", (to, from) => to.Programme = from.Programme),
        ("province_code", (to, from) => to.ProvinceCode = from.ProvinceCode),
        ("host_organisation", (to, from) => to.HostOrganisation = from.HostOrganisation?.Clone() ?? new Organisation()),
        ("host_organisation.display_name", (to, from) => to.HostOrganisation.DisplayName = from.HostOrganisation?.DisplayName ?? ""),
        ("host_organisation.address", (to, from) => to.HostOrganisation.Address = from.HostOrganisation?.Address ?? ""),
        ("principal_investigator", (to, from) => to.PrincipalInvestigator = from.PrincipalInvestigator),
        ("field", (to, from) => to.Field = from.Field),
        ("subject", (to, from) => to.Subject = from.Subject),
        ("start_date", (to, from) => to.StartDate = from.StartDate?.Clone()),
        ("end_date", (to, from) => to.EndDate = from.EndDate?.Clone()),
        ("budget", (to, from) => to.Budget = new Budget
        {
            StateBudgetVnd = from.Budget?.StateBudgetVnd ?? 0,
            OtherSourcesVnd = from.Budget?.OtherSourcesVnd ?? 0,
        }),
        ("budget.state_budget_vnd", (to, from) => to.Budget.StateBudgetVnd = from.Budget?.StateBudgetVnd ?? 0),
        ("budget.other_sources_vnd", (to, from) => to.Budget.OtherSourcesVnd = from.Budget?.OtherSourcesVnd ?? 0),
        ("outputs", (to, from) =>
        {
            to.Outputs.Clear();
            to.Outputs.AddRange(from.Outputs.Select(o => o.Clone()));
        }),
    ];

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: Updatable.Select(u => u.Path),
        immutable: ["name", "code"],
        outputOnly:
        [
            "state", "acceptance_rating", "adjustment_count", "extension_count", "etag", "create_time", "update_time",
            "budget.total_vnd",
        ]);


    private ResourceRows<ScienceTask> Rows => new(db.Tasks, TaskMapping.Names, TaskMapping.ResourceType, writes);

    public async Task<TaskMessage> GetAsync(GetTaskRequest request, CancellationToken cancellationToken) =>
        TaskMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListTasksResponse> ListAsync(ListTasksRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Tasks.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            await TaskFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken),
            TaskOrdering.Fields,
            DefaultOrderBy,
            t => t.Id,
            cancellationToken);
        var response = new ListTasksResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Tasks.AddRange(page.Items.Select(TaskMapping.ToProto));
        return response;
    }

    /// <summary>
    /// Creates a PROPOSED task; a retry with the same request_id returns the task created the first time, to a caller
    /// who may write that task's province.
    /// </summary>
    public async Task<TaskMessage> CreateAsync(CreateTaskRequest request, CancellationToken cancellationToken)
    {
        // A task always has a province: one without is left to validation, which refuses it.
        if (request.Task is { ProvinceCode.Length: > 0 } proposed)
        {
            await access.DemandNewAsync(TaskMapping.ResourceType, proposed.ProvinceCode, cancellationToken);
        }

        ScienceTask? added = null;
        var task = await writes.CreateOnceAsync(CreateScope, request.RequestId, TaskMessage.Parser, async () =>
        {
            var input = request.Task ?? throw TaskErrors.Missing("task");
            added = await creation.AddAsync(input, request.TaskId, TaskCreationMode.Create, cancellationToken);
            return (TaskMapping.ToProto(added), TaskMapping.ResourceType, TaskMapping.Names.Format(added.Id));
        },
        cancellationToken,
        explainConflict: () => creation.ExplainCodeConflictAsync(added, cancellationToken));

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandNewAsync(task.Name, task.ProvinceCode, cancellationToken);
        return task;
    }

    /// <summary>
    /// Changes the fields named by update_mask, before the work starts (PROPOSED to CONTRACTED). The merged task is
    /// checked by the same rules as a new one, its province code against its (possibly new) start date.
    /// </summary>
    public async Task<TaskMessage> UpdateAsync(UpdateTaskRequest request, CancellationToken cancellationToken)
    {
        var input = request.Task ?? throw TaskErrors.Missing("task");
        var id = TaskMapping.Names.Parse(input.Name, "task.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        await access.DemandStoredTaskAsync(input.Name, MovedTo(paths, input.ProvinceCode), cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);
        if (entity.State is not (State.Proposed or State.Selected or State.Approved or State.Contracted))
        {
            throw TaskErrors.Started(input.Name, entity.State);
        }

        var changed = Updatable.Where(u => paths.Contains(u.Path)).ToList();
        var merged = TaskMapping.ToProto(entity);
        foreach (var (_, copy) in changed)
        {
            copy(merged, input);
        }

        var validation = new TaskValidation(db, provinces).Description(merged);
        var programmeId = paths.Contains("programme")
            ? await validation.ProgrammeAsync(merged.Programme, cancellationToken)
            : entity.ProgrammeId;
        if (paths.Contains("province_code") || paths.Contains("start_date"))
        {
            await validation.ProvinceAsync(merged, cancellationToken);
        }

        validation.ThrowIfInvalid();

        var now = clock.UtcNow();
        TaskMapping.ApplyDescription(merged, entity, programmeId);
        entity.Version++;
        entity.UpdateTime = now;
        history.RecordWrite(entity, EventType.Updated, now, UpdateMaskSchema.OutermostPaths(changed.Select(u => u.Path)));
        await Rows.SaveAsync(input.Name, cancellationToken);
        return TaskMapping.ToProto(entity);
    }

    /// <summary>The province an update moves the task to, or null; an empty one is left to validation, which refuses it.</summary>
    private static string? MovedTo(IReadOnlySet<string> paths, string provinceCode) =>
        paths.Contains("province_code") && provinceCode.Length > 0 ? provinceCode : null;

    /// <summary>Deletes a task recorded by mistake (PROPOSED only); its history, ending with DELETED, stays listable.</summary>
    public async Task<Empty> DeleteAsync(DeleteTaskRequest request, CancellationToken cancellationToken)
    {
        var id = TaskMapping.Names.Parse(request.Name, "name");
        await access.DemandStoredTaskAsync(request.Name, null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, request.Name, request.Etag, cancellationToken);
        if (entity.State != State.Proposed)
        {
            throw TaskErrors.NotDeletable(request.Name, entity.State);
        }

        var now = clock.UtcNow();
        history.RecordWrite(entity, EventType.Deleted, now, []);
        db.Tasks.Remove(entity);
        await Rows.SaveAsync(request.Name, cancellationToken);
        return new Empty();
    }
}
