using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;

namespace Khcn.Tasks.Application.Summary;

/// <summary>
/// SummarizeTasks: task counts and budget totals for the whole country or a set of provinces (each with its merger
/// lineage), grouped by the requested dimensions. Grouping and sums run in SQL, so a summary over the whole register
/// reads one row per group, never the tasks themselves.
/// </summary>
public sealed class TaskSummaryService(TasksDbContext db, IProvinceReference provinces)
{
    public async Task<SummarizeTasksResponse> SummarizeAsync(SummarizeTasksRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator();
        var dimensions = ReadDimensions(validator, request.GroupBy);

        // The catalog is needed only to expand provinces: a country-wide summary works while Provinces is down.
        var provinceScope = request.ProvinceCodes.Count == 0
            ? null
            : ReadProvinceScope(validator, await provinces.GetCatalogAsync(cancellationToken), request.ProvinceCodes);
        validator.ThrowIfInvalid("The summary request has invalid fields.");

        IQueryable<ScienceTask> tasks = db.Tasks.AsNoTracking();
        var filters = await TaskFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken);
        if (Filters.Compile(request.Filter, filters) is { } predicate)
        {
            tasks = tasks.Where(predicate);
        }

        if (provinceScope is not null)
        {
            tasks = tasks.Where(t => provinceScope.Contains(t.ProvinceCode));
        }

        var groups = await tasks
            .GroupBy(TaskSummaryKey.Selector(dimensions))
            .Select(g => new TaskSummaryGroup(
                g.Key,
                g.Count(),
                g.Sum(t => t.StateBudgetVnd),
                g.Sum(t => t.OtherSourcesVnd)))
            .ToListAsync(cancellationToken);

        return TaskSummaryRows.Build(groups, dimensions);
    }

    /// <summary>The province codes covered: every code of each requested unit's lineage.</summary>
    private static HashSet<string> ReadProvinceScope(Validator validator, ProvinceCatalog catalog, IReadOnlyList<string> codes)
    {
        var scope = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            var field = $"province_codes[{i}]";
            if (code.Length != 2 || !code.All(char.IsAsciiDigit))
            {
                validator.Add(field, "must be a 2-digit GSO province code, e.g. \"44\"");
            }
            else if (!catalog.Contains(code))
            {
                // A closed code is accepted (45 covers its lineage, today's 44); only a code no unit ever had is refused.
                validator.Add(field, $"province code '{code}' does not exist");
            }
            else
            {
                scope.UnionWith(catalog.LineageOf(code));
            }
        }

        return scope;
    }

    private static IReadOnlyList<Dimension> ReadDimensions(Validator validator, IReadOnlyList<Dimension> requested)
    {
        var dimensions = new List<Dimension>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var dimension = requested[i];
            var field = $"group_by[{i}]";
            if (dimension == Dimension.Unspecified || !Enum.IsDefined(dimension))
            {
                validator.Add(field, "must be one of LEVEL, STATE, KIND, YEAR, FIELD, PROVINCE");
            }
            else if (dimensions.Contains(dimension))
            {
                validator.Add(field, $"repeats {ProtoEnumNames.Of(dimension)}; group by each dimension at most once");
            }
            else
            {
                dimensions.Add(dimension);
            }
        }

        return dimensions;
    }
}
