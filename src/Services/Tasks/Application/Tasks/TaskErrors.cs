using Khcn.Aip;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>The Task resource's own failures, with the ErrorInfo reasons the contract documents.</summary>
public static class TaskErrors
{
    public const string DuplicateCodeReason = "DUPLICATE_TASK_CODE";
    public const string StartedReason = "TASK_STARTED";
    public const string NotDeletableReason = "TASK_NOT_DELETABLE";

    /// <summary>A required request field is absent, e.g. <c>task</c>.</summary>
    public static ApiException Missing(string field) =>
        ApiException.InvalidArgument($"{field} is required.", new FieldViolation(field, "is required"));

    /// <summary>ALREADY_EXISTS naming the task that holds <paramref name="code"/>, so the client can go and read it.</summary>
    public static ApiException DuplicateCode(string code, string holderName) =>
        new(ApiErrorCode.AlreadyExists,
            DuplicateCodeReason,
            $"Task code \"{code}\" is already used by {holderName}.",
            resourceType: TaskMapping.ResourceType,
            resourceName: holderName,
            metadata: new Dictionary<string, string> { ["code"] = code });

    /// <summary>UpdateTask once the work has started: from then on the content changes only by AdjustTask/ExtendTask.</summary>
    public static ApiException Started(string name, State state) =>
        ApiException.FailedPrecondition(
            StartedReason,
            $"Task \"{name}\" is {ProtoEnumNames.Of(state)}: UpdateTask only changes a task before it starts; "
            + "adjust a running task with AdjustTask or ExtendTask.",
            new Dictionary<string, string> { ["current_state"] = ProtoEnumNames.Of(state) },
            TaskMapping.ResourceType,
            name);

    /// <summary>DeleteTask outside PROPOSED: a task that went further is part of the record and is terminated instead.</summary>
    public static ApiException NotDeletable(string name, State state) =>
        ApiException.FailedPrecondition(
            NotDeletableReason,
            $"Task \"{name}\" is {ProtoEnumNames.Of(state)}: only a PROPOSED task can be deleted; "
            + "a task past selection stays on record (see TerminateTask).",
            new Dictionary<string, string> { ["current_state"] = ProtoEnumNames.Of(state) },
            TaskMapping.ResourceType,
            name);
}
