using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using State = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>
/// The rules a task's content must satisfy, shared by CreateTask, ImportTasks and UpdateTask (which re-checks the
/// merged task): one instance per request collects every violation, with paths like "task.budget.state_budget_vnd",
/// so the client learns about all of its mistakes at once.
/// </summary>
public sealed class TaskValidation(TasksDbContext db, IProvinceReference provinces)
{
    private const string Message = "The task has invalid fields.";
    private const string ProvinceField = "task.province_code";

    private static readonly ResourceNamePattern AssetNames = new("assets/{asset}");

    private readonly ProvinceCheckedFields _check = new(ProvinceField);

    public Validator Fields => _check.Fields;

    /// <summary>A client-chosen id must be an AIP-122 id; empty means "generate one".</summary>
    public TaskValidation TaskId(string? taskId, string field = "task_id")
    {
        Fields.Check(
            string.IsNullOrEmpty(taskId) || ResourceIds.IsValid(taskId),
            field,
            "must be 4 to 63 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen");
        return this;
    }

    /// <summary>The official code is optional, but a padded code would slip past the uniqueness of codes.</summary>
    public TaskValidation Code(string? code)
    {
        Fields.Check(
            string.IsNullOrEmpty(code) || code.Trim().Length == code.Length,
            "task.code",
            "must not start or end with spaces");
        return this;
    }

    /// <summary>The descriptive fields: what every stored task must have, whatever its state.</summary>
    public TaskValidation Description(V1.Task task)
    {
        Fields.Required(task.Title, "task.title");
        RequiredEnum(task.Kind, "task.kind");
        RequiredEnum(task.Level, "task.level");
        Fields.Required(task.ProvinceCode, ProvinceField);
        Fields.Required(task.HostOrganisation?.DisplayName, "task.host_organisation.display_name");
        DefinedEnum(task.Field, "task.field");
        Budget(task.Budget);
        Dates(task.StartDate, task.EndDate);
        for (var i = 0; i < task.Outputs.Count; i++)
        {
            var output = task.Outputs[i];
            DefinedEnum(output.Kind, $"task.outputs[{i}].kind");
            Fields.Check(
                string.IsNullOrEmpty(output.Asset) || AssetNames.TryParse(output.Asset, out _),
                $"task.outputs[{i}].asset",
                $"must look like {AssetNames.Pattern} (an asset of the IntellectualProperty API)");
        }

        return this;
    }

    /// <summary>
    /// The output-only lifecycle fields. CreateTask refuses them (a task starts PROPOSED and moves only through the
    /// lifecycle methods); ImportTasks takes state and rating as they stand, as a consistent pair, and leaves the
    /// counters at zero because no AdjustTask/ExtendTask of ours happened.
    /// </summary>
    public TaskValidation LifecycleFields(V1.Task task, TaskCreationMode mode)
    {
        if (mode == TaskCreationMode.Create)
        {
            Fields.Check(task.State == State.Unspecified, "task.state",
                "is output only: a task starts PROPOSED and changes state through the lifecycle methods (SelectTask, …)");
            Fields.Check(task.AcceptanceRating == AcceptanceRating.Unspecified, "task.acceptance_rating",
                "is output only: it is set by AcceptTask or FailTask");
            Fields.Check(task.AdjustmentCount == 0, "task.adjustment_count", "is output only: AdjustTask counts it");
            Fields.Check(task.ExtensionCount == 0, "task.extension_count", "is output only: ExtendTask counts it");
            return this;
        }

        if (!Enum.IsDefined(task.State))
        {
            Fields.Add("task.state", "is not a known state");
            return this;
        }

        var (ratingOk, expected) = task.State switch
        {
            State.Accepted or State.Replicated => (task.AcceptanceRating is AcceptanceRating.Excellent or AcceptanceRating.Pass, "EXCELLENT or PASS"),
            State.Failed => (task.AcceptanceRating == AcceptanceRating.Fail, "FAIL"),
            _ => (task.AcceptanceRating == AcceptanceRating.Unspecified, "unset"),
        };
        Fields.Check(ratingOk, "task.acceptance_rating", $"must be {expected} for a task in state {ProtoEnumNames.Of(task.State == State.Unspecified ? State.Proposed : task.State)}");
        return this;
    }

    /// <summary>The programme's id when <paramref name="programme"/> names an existing one; null when empty or wrong.</summary>
    public async Task<string?> ProgrammeAsync(string? programme, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(programme))
        {
            return null;
        }

        if (!ProgrammeMapping.Names.TryParse(programme, out var ids))
        {
            Fields.Add("task.programme", $"must look like {ProgrammeMapping.Names.Pattern}");
            return null;
        }

        var id = ids[0];
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            Fields.Add("task.programme", $"{programme} does not exist");
            return null;
        }

        return id;
    }

    /// <summary>
    /// The province code must have been in use on the task's start date (today when there is none): a task begun in
    /// 2023 in Quảng Bình keeps code 45 although 45 closed in 2025. Skipped while the code or the date is itself
    /// invalid, whose own violations are already recorded. Throws UNAVAILABLE when the Provinces service is down.
    /// </summary>
    public async Task ProvinceAsync(V1.Task task, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(task.ProvinceCode) || PartialDate.Validate(task.StartDate, "start_date").Count > 0)
        {
            return;
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        _check.Province(catalog, task.ProvinceCode, ProtoConvert.ToSortable(task.StartDate));
    }

    /// <summary>
    /// INVALID_ARGUMENT with every violation found. When the province code is the only problem, ErrorInfo carries the
    /// catalog's reason (e.g. PROVINCE_CODE_CLOSED) so a client can react to it without parsing text.
    /// </summary>
    public void ThrowIfInvalid() => _check.ThrowIfInvalid(Message);

    private void Budget(Budget? budget)
    {
        if (budget is null)
        {
            return;
        }

        Fields.Check(budget.StateBudgetVnd >= 0, "task.budget.state_budget_vnd", "must not be negative");
        Fields.Check(budget.OtherSourcesVnd >= 0, "task.budget.other_sources_vnd", "must not be negative");
        if (budget is { StateBudgetVnd: >= 0, OtherSourcesVnd: >= 0 })
        {
            Fields.Check(
                budget.StateBudgetVnd <= long.MaxValue - budget.OtherSourcesVnd,
                "task.budget",
                $"state_budget_vnd + other_sources_vnd must not exceed {long.MaxValue} đồng");
        }
    }

    private void Dates(Google.Type.Date? start, Google.Type.Date? end)
    {
        var startViolations = PartialDate.Validate(start, "task.start_date");
        var endViolations = PartialDate.Validate(end, "task.end_date");
        Fields.Add(startViolations).Add(endViolations);
        if (startViolations.Count == 0 && endViolations.Count == 0
            && PartialDate.FromProto(start) is { } first && PartialDate.FromProto(end) is { } last)
        {
            Fields.Check(!EndsBefore(last, first), "task.end_date", $"must not be before start_date ({first})");
        }
    }

    /// <summary>
    /// Compared only as precisely as both dates are known: an end in "2022" does not end before a start on
    /// 2022-03-01, but one in 2021 does.
    /// </summary>
    private static bool EndsBefore(PartialDate end, PartialDate start)
    {
        if (end.Year != start.Year)
        {
            return end.Year < start.Year;
        }

        if (end.Month == 0 || start.Month == 0)
        {
            return false;
        }

        if (end.Month != start.Month)
        {
            return end.Month < start.Month;
        }

        return end.Day != 0 && start.Day != 0 && end.Day < start.Day;
    }

    private void RequiredEnum<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Fields.Add(field, $"is required: one of {ProtoEnumNames.SpecifiedList<TEnum>()}");
        }
        else
        {
            DefinedEnum(value, field);
        }
    }

    private void DefinedEnum<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Fields.Check(Enum.IsDefined(value), field, $"is not a known value; use one of {ProtoEnumNames.SpecifiedList<TEnum>()}");
}
