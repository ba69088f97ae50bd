using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Domain.Tasks;

namespace Khcn.Tasks.Application.Lifecycle;

/// <summary>
/// Reads AdjustTask's <c>task</c> and <c>adjust_mask</c> into a <see cref="TaskAdjustment"/>: the mask must name
/// adjustable fields only, and the values it names must pass the rules CreateTask applies to them (title and host name
/// present, budget amounts not negative and their total representable, output assets named "assets/{asset}", …).
/// </summary>
internal static class TaskAdjustmentInput
{
    private const string MaskField = "adjust_mask";

    // Fields of the task that exist but are changed another way: a pointer beats "unknown field".
    private static readonly Dictionary<string, string> ChangedElsewhere = new(StringComparer.Ordinal)
    {
        ["end_date"] = "is moved by ExtendTask",
        ["state"] = "is output only: it changes through the lifecycle methods",
        ["acceptance_rating"] = "is output only: it is set by AcceptTask or FailTask",
    };

    /// <summary>The adjustment, or null when the request is invalid (the violations are on <paramref name="validator"/>).</summary>
    public static TaskAdjustment? Read(Validator validator, V1.Task? task, FieldMask? mask, TaskValidation rules)
    {
        var paths = ReadMask(validator, mask);
        if (task is null)
        {
            validator.Add("task", "is required: it holds the new values of the fields in adjust_mask");
            return null;
        }

        var adjustment = new TaskAdjustment
        {
            NewTitle = paths.Contains(TaskAdjustment.Title) ? Nfc.Of(task.Title) : null,
            NewHostOrganisation = paths.Contains(TaskAdjustment.HostOrganisation)
                ? (Nfc.Of(task.HostOrganisation?.DisplayName), Nfc.Of(task.HostOrganisation?.Address))
                : null,
            NewPrincipalInvestigator = paths.Contains(TaskAdjustment.PrincipalInvestigator) ? Nfc.Of(task.PrincipalInvestigator) : null,
            NewSubject = paths.Contains(TaskAdjustment.Subject) ? Nfc.Of(task.Subject) : null,
            NewBudget = paths.Contains(TaskAdjustment.Budget)
                ? (task.Budget?.StateBudgetVnd ?? 0, task.Budget?.OtherSourcesVnd ?? 0)
                : null,
            NewOutputs = paths.Contains(TaskAdjustment.Outputs)
                ? TaskMapping.OutputValuesOf(task.Outputs)
                : null,
        };
        validator.Add(ViolationsOfAdjustedFields(rules, task, paths));
        return validator.HasViolations ? null : adjustment;
    }

    private static HashSet<string> ReadMask(Validator validator, FieldMask? mask)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (mask is null || mask.Paths.Count == 0)
        {
            validator.Add(MaskField, $"is required: list the fields adjusted ({string.Join(", ", TaskAdjustment.AdjustablePaths)})");
            return paths;
        }

        for (var i = 0; i < mask.Paths.Count; i++)
        {
            var path = mask.Paths[i];
            var field = $"{MaskField}.paths[{i}]";
            if (TaskAdjustment.AdjustablePaths.Contains(path))
            {
                paths.Add(path);
            }
            else if (ChangedElsewhere.TryGetValue(path, out var why))
            {
                validator.Add(field, $"'{path}' {why}");
            }
            else
            {
                validator.Add(field, $"'{path}' cannot be adjusted; adjustable: {string.Join(", ", TaskAdjustment.AdjustablePaths)}");
            }
        }

        return paths;
    }

    /// <summary>
    /// The content rules of <see cref="TaskValidation"/> (the ones CreateTask and UpdateTask apply), kept for the
    /// adjusted fields only: an adjustment is not refused for fields it leaves alone.
    /// </summary>
    private static IEnumerable<FieldViolation> ViolationsOfAdjustedFields(TaskValidation rules, V1.Task task, IReadOnlySet<string> paths)
    {
        rules.Description(task);
        return rules.Fields.Violations.Where(v => paths.Any(path => IsAtOrUnder(v.Field, $"task.{path}")));
    }

    private static bool IsAtOrUnder(string field, string path) =>
        field == path
        || (field.StartsWith(path, StringComparison.Ordinal) && field[path.Length] is '.' or '[');
}
