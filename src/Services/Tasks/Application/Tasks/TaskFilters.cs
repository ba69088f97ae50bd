using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Domain.Tasks;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>
/// The AIP-160 filter fields of ListTasks, shared by SummarizeTasks, ExportTasks and WatchTasks ("the same fields as
/// ListTasks"). Every term translates to SQL on both providers and also compiles in memory.
/// <c>province_code = "44"</c> matches every code of the unit's merger lineage (44 and the closed 45), which only the
/// province catalog knows: a schema is built once per catalog and reused while that catalog is current.
/// </summary>
public static class TaskFilters
{
    public const string ProvinceField = "province_code";

    private static readonly ConditionalWeakTable<ProvinceCatalog, FilterSchema<ScienceTask>> ByCatalog = new();

    // For filters that cannot name province_code: no catalog needed, so ListTasks keeps working without Provinces.
    private static readonly FilterSchema<ScienceTask> WithoutProvinceCatalog = Build(_ =>
        throw new InvalidOperationException("A filter naming province_code needs the province catalog."));

    /// <summary>The ListTasks filter schema over the current province catalog (UNAVAILABLE when Provinces is down).</summary>
    public static async Task<FilterSchema<ScienceTask>> ForAsync(IProvinceReference provinces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        return For(await provinces.GetCatalogAsync(cancellationToken));
    }

    /// <summary>
    /// As <see cref="ForAsync(IProvinceReference, CancellationToken)"/>, but asks for the catalog only when
    /// <paramref name="filter"/> can name province_code: a list without a province term does not depend on Provinces.
    /// </summary>
    public static Task<FilterSchema<ScienceTask>> ForAsync(IProvinceReference provinces, string? filter, CancellationToken cancellationToken) =>
        filter is not null && filter.Contains(ProvinceField, StringComparison.Ordinal)
            ? ForAsync(provinces, cancellationToken)
            : Task.FromResult(WithoutProvinceCatalog);

    /// <summary>The schema over <paramref name="catalog"/>, built on first use.</summary>
    public static FilterSchema<ScienceTask> For(ProvinceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ByCatalog.GetValue(catalog, c => Build(code => [.. c.LineageOf(code)]));
    }

    private static FilterSchema<ScienceTask> Build(Func<string, string[]> lineageOf) => new FilterSchema<ScienceTask>()
        .Custom(ProvinceField, c =>
        {
            EnsureEquality(c, "a province matches every code of its merger lineage");
            var codes = lineageOf(c.Value);
            return t => codes.Contains(t.ProvinceCode);
        })
        .Enum("level", t => t.Level)
        .Enum("kind", t => t.Kind)
        .Enum("state", t => t.State)
        .Enum("field", t => t.Field)
        .Custom("programme", ProgrammeTerm)
        .String("code", t => t.Code)
        .Date("start_date", t => t.StartDate)
        .Date("end_date", t => t.EndDate)
        .Year("year", t => t.StartYear)
        .FoldedText("title", t => t.FoldedTitle)
        .FoldedText("host_organisation.display_name", t => t.FoldedHostName)
        .FoldedText("principal_investigator", t => t.FoldedInvestigator)
        .GlobalText(t => t.SearchText);

    /// <summary><c>programme = "programmes/x"</c>; <c>programme = ""</c> finds the tasks outside any programme.</summary>
    private static Expression<Func<ScienceTask, bool>> ProgrammeTerm(FilterComparison comparison)
    {
        EnsureEquality(comparison, "a task belongs to one programme or none");
        if (comparison.Value.Length == 0)
        {
            return t => t.ProgrammeId == null;
        }

        if (!ProgrammeMapping.Names.TryParse(comparison.Value, out var ids))
        {
            throw Invalid($"'programme' must be a name like {ProgrammeMapping.Names.Pattern}, got '{comparison.Value}'");
        }

        var id = ids[0];
        return t => t.ProgrammeId == id;
    }

    private static void EnsureEquality(FilterComparison comparison, string why)
    {
        if (comparison.Operator != FilterOperator.Equal)
        {
            throw Invalid($"operator '{comparison.OperatorText}' is not supported for field '{comparison.Field}' (use =: {why})");
        }
    }

    private static ApiException Invalid(string description) =>
        ApiException.InvalidArgument("INVALID_FILTER", $"The filter is invalid: {description}.", new FieldViolation("filter", description));
}
