using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Access;
using Khcn.Tasks.Application.History;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;

namespace Khcn.Tasks.Application.Lifecycle;

/// <summary>
/// The ten lifecycle methods of a task (AIP-136). Each checks the request (name, actor, event time and the verb's own
/// fields, all violations at once), then, under the etag, lets the task apply the verb (the domain refuses a verb its
/// state does not allow) and saves the task with ONE history event in the same transaction.
/// </summary>
public sealed class TaskLifecycleService(
    TasksDbContext db, ResourceWrites writes, RecordClock clock, TaskHistory history, IProvinceReference provinces, TaskWriteAccess access)
{
    private static readonly Action<Validator> NoVerbFields = _ => { };

    private ResourceRows<ScienceTask> Rows => new(db.Tasks, TaskMapping.Names, TaskMapping.ResourceType, writes);

    /// <summary>PROPOSED → SELECTED.</summary>
    public Task<V1.Task> SelectAsync(SelectTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            task => task.Select(),
            cancellationToken);

    /// <summary>SELECTED → APPROVED.</summary>
    public Task<V1.Task> ApproveAsync(ApproveTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            task => task.Approve(),
            cancellationToken);

    /// <summary>APPROVED → CONTRACTED.</summary>
    public Task<V1.Task> ContractAsync(ContractTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            task => task.Contract(),
            cancellationToken);

    /// <summary>CONTRACTED → IN_PROGRESS.</summary>
    public Task<V1.Task> StartAsync(StartTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            NoVerbFields,
            task => task.Start(),
            cancellationToken);

    /// <summary>IN_PROGRESS, the fields in adjust_mask replaced; reason required.</summary>
    public Task<V1.Task> AdjustAsync(AdjustTaskRequest request, CancellationToken cancellationToken)
    {
        TaskAdjustment? adjustment = null;
        return MoveAsync(
            request,
            validator =>
            {
                validator.Required(request.Reason, "reason");
                adjustment = TaskAdjustmentInput.Read(validator, request.Task, request.AdjustMask, new TaskValidation(db, provinces));
            },
            task => task.Adjust(adjustment!),
            cancellationToken);
    }

    /// <summary>IN_PROGRESS with a later end date; reason required.</summary>
    public Task<V1.Task> ExtendAsync(ExtendTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator =>
            {
                validator.Required(request.Reason, "reason");
                if (PartialDate.FromProto(request.NewEndDate) is null)
                {
                    validator.Add("new_end_date", "is required");
                }
                else
                {
                    validator.Add(PartialDate.Validate(request.NewEndDate, "new_end_date"));
                }
            },
            task => task.Extend(ProtoConvert.ToSortable(request.NewEndDate)),
            cancellationToken);

    /// <summary>IN_PROGRESS → ACCEPTED with rating EXCELLENT or PASS.</summary>
    public Task<V1.Task> AcceptAsync(AcceptTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator =>
            {
                // The more specific reason wins; the other violations found so far travel with it.
                if (!TaskLifecycle.IsAcceptanceRating(request.Rating))
                {
                    throw TaskLifecycle.InvalidRating(request.Rating, validator.Violations);
                }
            },
            task => task.Accept(request.Rating),
            cancellationToken);

    /// <summary>IN_PROGRESS → FAILED (rating FAIL); reason required.</summary>
    public Task<V1.Task> FailAsync(FailTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            task => task.Fail(),
            cancellationToken);

    /// <summary>APPROVED | CONTRACTED | IN_PROGRESS → TERMINATED; reason required.</summary>
    public Task<V1.Task> TerminateAsync(TerminateTaskRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            task => task.Terminate(),
            cancellationToken);

    /// <summary>ACCEPTED → REPLICATED; at least one adopter, kept on the event.</summary>
    public Task<V1.Task> ReplicateAsync(ReplicateTaskRequest request, CancellationToken cancellationToken)
    {
        var adopters = request.Adopters.Select(Nfc.Of).ToList();
        return MoveAsync(
            request,
            validator =>
            {
                validator.Check(adopters.Count > 0, "adopters", "is required: name at least one organisation or area taking the results up");
                for (var i = 0; i < adopters.Count; i++)
                {
                    validator.Required(adopters[i], $"adopters[{i}]");
                }
            },
            task => task.Replicate(),
            cancellationToken,
            adopters);
    }

    private async Task<V1.Task> MoveAsync(
        ILifecycleRequest request,
        Action<Validator> validateVerb,
        Func<ScienceTask, TaskChange> apply,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? adopters = null)
    {
        // Adjust cannot move a task (province_code is not adjustable): the stored province is the one to check.
        await access.DemandStoredTaskAsync(request.Name, null, cancellationToken);
        TaskChange? change = null;
        var task = await Rows.MoveAsync(
            LifecycleVerb.Of(request),
            clock.UtcNow(),
            validateVerb,
            (task, transition) =>
            {
                change = apply(task);
                if (change.ChangesContent)
                {
                    TaskMapping.RefreshDerived(task);
                }

                task.UpdateTime = transition.RecordTime;
            },
            // After the version went up: the event's snapshot carries the etag the caller gets back.
            (task, transition) => history.Record(
                task, EventTypeOf(change!.Verb), change.PreviousState, transition, change.ChangedFields, adopters),
            cancellationToken);
        return TaskMapping.ToProto(task);
    }

    private static EventType EventTypeOf(TaskVerb verb) => verb switch
    {
        TaskVerb.Select => EventType.Selected,
        TaskVerb.Approve => EventType.Approved,
        TaskVerb.Contract => EventType.Contracted,
        TaskVerb.Start => EventType.Started,
        TaskVerb.Adjust => EventType.Adjusted,
        TaskVerb.Extend => EventType.Extended,
        TaskVerb.Accept => EventType.Accepted,
        TaskVerb.Fail => EventType.Failed,
        TaskVerb.Terminate => EventType.Terminated,
        TaskVerb.Replicate => EventType.Replicated,
        _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "No event type for this verb."),
    };
}
