using Khcn.Aip;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>The Programme resource's own failures, with the ErrorInfo reasons the contract documents.</summary>
public static class ProgrammeErrors
{
    public const string DuplicateCodeReason = "DUPLICATE_PROGRAMME_CODE";
    public const string InUseReason = "PROGRAMME_IN_USE";

    /// <summary>A required request field is absent, e.g. <c>programme</c>.</summary>
    public static ApiException Missing(string field) =>
        ApiException.InvalidArgument($"{field} is required.", new FieldViolation(field, "is required"));

    /// <summary>ALREADY_EXISTS naming the programme that holds <paramref name="code"/>, so the client can go and read it.</summary>
    public static ApiException DuplicateCode(string code, string holderName) =>
        new(ApiErrorCode.AlreadyExists,
            DuplicateCodeReason,
            $"Programme code \"{code}\" is already used by {holderName}.",
            resourceType: ProgrammeMapping.ResourceType,
            resourceName: holderName,
            metadata: new Dictionary<string, string> { ["code"] = code });

    /// <summary>DeleteProgramme while tasks still belong to it: deleting would orphan them (and the database refuses).</summary>
    public static ApiException InUse(string name, int taskCount) =>
        ApiException.FailedPrecondition(
            InUseReason,
            $"Programme \"{name}\" still has {taskCount} task(s): move them to another programme (UpdateTask) or delete them first.",
            new Dictionary<string, string> { ["task_count"] = taskCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ProgrammeMapping.ResourceType,
            name);
}
