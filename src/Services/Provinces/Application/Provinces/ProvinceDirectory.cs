using Khcn.Aip;
using Khcn.Provinces.Data;
using Khcn.Provinces.Domain.Provinces;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Provinces.Application.Provinces;

/// <summary>
/// The province incarnations held in memory (under a hundred rows of reference data, changed only by seeding):
/// every use case checks province references and expands lineage filters against it instead of the database.
/// Loaded on first use and again after the seeds are loaded (<see cref="ReloadAsync"/>).
/// </summary>
public sealed class ProvinceDirectory(IServiceScopeFactory scopes)
{
    public const string ResourceType = "khcn.provinces.v1.Province";

    public static readonly ResourceNamePattern NamePattern = new("provinces/{province}");

    private readonly Lock _gate = new();
    private volatile ProvinceRegistry? _registry;

    /// <summary>The lineage rules over the loaded incarnations (loaded now if this is the first use).</summary>
    public ProvinceRegistry Registry => _registry ?? Load();

    /// <summary>Codes whose records belong to today's unit of <paramref name="code"/> (44 → 44, 45).</summary>
    public IReadOnlyList<string> LineageCodes(string code) => Registry.LineageCodes(code);

    /// <summary>Reads the incarnations from the database again, e.g. after seeding added some.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProvincesDbContext>();
        var units = await db.ProvinceUnits.AsNoTracking().ToListAsync(cancellationToken);
        _registry = new ProvinceRegistry(units);
    }

    /// <summary>
    /// The code of a province reference such as <c>engagement.province = "provinces/45"</c>. The code must exist
    /// and, when <paramref name="onDate"/> (yyyymmdd) is given, be in use on that date; otherwise INVALID_ARGUMENT
    /// with a violation on <paramref name="field"/> telling which code to use instead.
    /// </summary>
    public string RequireProvince(string? resourceName, string field, int? onDate = null)
    {
        if (CheckProvince(resourceName, field, onDate) is { } problem)
        {
            throw ApiException.InvalidArgument(problem.Reason, problem.Description, problem.Violation);
        }

        return NamePattern.Parse(resourceName, field);
    }

    /// <summary>
    /// Like <see cref="RequireProvince"/> but returns the problem instead of throwing, so a validator can report it
    /// together with the request's other mistakes; null when the reference is fine.
    /// </summary>
    public ProvinceReferenceProblem? CheckProvince(string? resourceName, string field, int? onDate = null)
    {
        if (!NamePattern.TryParse(resourceName, out var ids))
        {
            return new ProvinceReferenceProblem(
                "INVALID_ARGUMENT",
                $"{field} \"{resourceName}\" is not a province name.",
                new FieldViolation(field, "must look like provinces/{code}, e.g. provinces/20"));
        }

        var code = ids[0];
        var registry = Registry;
        if (!registry.Contains(code))
        {
            return new ProvinceReferenceProblem(
                "PROVINCE_NOT_FOUND",
                $"{field} names {resourceName}, which does not exist.",
                new FieldViolation(field, $"{resourceName} does not exist"));
        }

        if (onDate is not { } date || date == 0 || registry.UnitOn(code, date) is not null)
        {
            return null;
        }

        var day = PartialDate.FromSortable(date);
        var incarnations = registry.IncarnationsOf(code);
        if (date < incarnations[0].ValidFrom)
        {
            var description =
                $"{resourceName} was not in use on {day}: it exists from {PartialDate.FromSortable(incarnations[0].ValidFrom)}";
            return new ProvinceReferenceProblem("PROVINCE_CODE_NOT_YET_VALID", description + ".", new FieldViolation(field, description));
        }

        var closed = incarnations.LastOrDefault(u => u.ValidTo < date) ?? incarnations[^1];
        var current = registry.CurrentOf(closed);
        var closure = $"{resourceName} was closed on {PartialDate.FromSortable(closed.ValidTo)}";
        var advice = ReferenceEquals(current, closed) ? closure : $"{closure}; use {NamePattern.Format(current.Code)}";
        return new ProvinceReferenceProblem("PROVINCE_CODE_CLOSED", $"{advice} (date {day}).", new FieldViolation(field, advice));
    }

    private ProvinceRegistry Load()
    {
        lock (_gate)
        {
            if (_registry is { } loaded)
            {
                return loaded;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProvincesDbContext>();
            var registry = new ProvinceRegistry([.. db.ProvinceUnits.AsNoTracking()]);
            _registry = registry;
            return registry;
        }
    }
}

/// <summary>Why a province reference in a request is unusable: the ErrorInfo reason and the field violation.</summary>
public sealed record ProvinceReferenceProblem(string Reason, string Description, FieldViolation Violation);
