using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.History;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>
/// Puts a new task into the register: validates it (every violation at once), claims its id and code, and adds the
/// row with its CREATED history entry to the context. Saving is the caller's, so CreateTask can store its idempotency
/// record and ImportTasks its per-record result in the same transaction.
/// </summary>
public sealed class TaskCreation(
    TasksDbContext db,
    ResourceWrites writes,
    RecordClock clock,
    TaskHistory history,
    IProvinceReference provinces)
{
    private ResourceRows<ScienceTask> Rows => new(db.Tasks, TaskMapping.Names, TaskMapping.ResourceType, writes);

    /// <summary>
    /// Adds <paramref name="input"/> as a new task, UNSAVED. INVALID_ARGUMENT lists every violation (paths "task.…",
    /// "task_id"); ALREADY_EXISTS when the id is taken, with reason DUPLICATE_TASK_CODE when the code is.
    /// </summary>
    public async Task<ScienceTask> AddAsync(V1.Task input, string? taskId, TaskCreationMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = new TaskValidation(db, provinces)
            .TaskId(taskId)
            .Code(input.Code)
            .Description(input)
            .LifecycleFields(input, mode);
        var programmeId = await validation.ProgrammeAsync(input.Programme, cancellationToken);
        await validation.ProvinceAsync(input, cancellationToken);
        validation.ThrowIfInvalid();

        var (id, name) = await Rows.ClaimAsync(taskId, cancellationToken);
        if (db.Tasks.Local.Any(t => t.Id == id))
        {
            // An import batch may add several records before saving: a repeated id in it is taken too.
            throw ApiException.AlreadyExists(TaskMapping.ResourceType, name);
        }

        var code = Nfc.Of(input.Code);
        if (await DuplicateCodeAsync(code, cancellationToken) is { } duplicate)
        {
            // Checked here to answer with the holder's name; the unique index ux_tasks_code still decides a race.
            throw duplicate;
        }

        var now = clock.UtcNow();
        var entity = new ScienceTask
        {
            Id = id,
            Code = code,
            Title = "",
            ProvinceCode = "",
            HostName = "",
            State = mode == TaskCreationMode.Import && input.State != State.Unspecified ? input.State : State.Proposed,
            AcceptanceRating = mode == TaskCreationMode.Import ? input.AcceptanceRating : default,
            Version = 1,
            CreateTime = now,
            UpdateTime = now,
        };
        TaskMapping.ApplyDescription(input, entity, programmeId);
        db.Tasks.Add(entity);

        history.RecordWrite(entity, EventType.Created, now, []);
        return entity;
    }

    /// <summary>For a save that lost a race on the unique code index: DUPLICATE_TASK_CODE naming the winner, else null.</summary>
    public Task<ApiException?> ExplainCodeConflictAsync(ScienceTask? added, CancellationToken cancellationToken) =>
        added is null ? Task.FromResult<ApiException?>(null) : DuplicateCodeAsync(added.Code, cancellationToken);

    private async Task<ApiException?> DuplicateCodeAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            return null;
        }

        var holder = db.Tasks.Local.FirstOrDefault(t => t.Code == code)?.Id
            ?? await db.Tasks.AsNoTracking()
                // "code <> ''" lets SQLite use the partial unique index ux_tasks_code instead of scanning the table.
                .Where(t => t.Code == code && t.Code != "")
                .Select(t => t.Id)
                .FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : TaskErrors.DuplicateCode(code, TaskMapping.Names.Format(holder));
    }
}

/// <summary>How a task enters the register: CreateTask (always PROPOSED) or ImportTasks (historical records as they stand).</summary>
public enum TaskCreationMode
{
    Create,
    Import,
}
