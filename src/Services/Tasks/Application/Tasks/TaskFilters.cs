using System.Linq.Expressions;
using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Domain.Tasks;

namespace Khcn.Tasks.Application.Tasks;

/// <summary>
/// The AIP-160 filter fields of ListTasks, shared by SummarizeTasks, ExportTasks and WatchTasks ("the same fields as
/// ListTasks"). Every term translates to SQL on both providers and also compiles in memory.
/// <c>province_code = "44"</c> matches every code of the unit's merger lineage (44 and the closed 45).
/// </summary>
public static class TaskFilters
{
    public static readonly ProvinceFilterSchemas<ScienceTask> Schemas = new("province_code", t => t.ProvinceCode, schema => schema
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
        .GlobalText(t => t.SearchText));

    /// <summary><c>programme = "programmes/x"</c>; <c>programme = ""</c> finds the tasks outside any programme.</summary>
    private static Expression<Func<ScienceTask, bool>> ProgrammeTerm(FilterComparison comparison)
    {
        Filters.RequireEquality(comparison, "a task belongs to one programme or none");
        if (comparison.Value.Length == 0)
        {
            return t => t.ProgrammeId == null;
        }

        if (!ProgrammeMapping.Names.TryParse(comparison.Value, out var ids))
        {
            throw Filters.Invalid($"'programme' must be a name like {ProgrammeMapping.Names.Pattern}, got '{comparison.Value}'");
        }

        var id = ids[0];
        return t => t.ProgrammeId == id;
    }
}
