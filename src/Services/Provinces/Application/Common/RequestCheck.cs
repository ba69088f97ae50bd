using Khcn.Aip;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Provinces.Application.Common;

/// <summary>
/// Validation of one write request: collects every field violation (references included) so the client learns
/// about all of its mistakes in one INVALID_ARGUMENT. When the only problem is a province reference, its own
/// reason (e.g. PROVINCE_CODE_CLOSED) is kept in ErrorInfo.
/// </summary>
internal sealed class RequestCheck(ProvinceDirectory provinces)
{
    private const string ResourceIdRule =
        "must be 4 to 63 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen";

    private readonly Validator _validator = new();
    private ProvinceReferenceProblem? _provinceProblem;

    public Validator Fields => _validator;

    /// <summary>The province code of a REQUIRED reference in use on <paramref name="onDate"/> (yyyymmdd), or null after recording why not.</summary>
    public string? Province(string? name, string field, int? onDate)
    {
        if (string.IsNullOrEmpty(name))
        {
            _validator.Add(field, "is required");
            return null;
        }

        if (provinces.CheckProvince(name, field, onDate) is { } problem)
        {
            _provinceProblem ??= problem;
            _validator.Add(problem.Violation.Field, problem.Violation.Description);
            return null;
        }

        return ProvinceDirectory.NamePattern.Parse(name, field);
    }

    /// <summary>INVALID_ARGUMENT for a required part of the request that is missing altogether.</summary>
    public static ApiException Missing(string field) =>
        ApiException.InvalidArgument($"{field} is required.", new FieldViolation(field, "is required"));

    /// <summary>Records a violation when a client-chosen id (AIP-122, optional on Create) is malformed.</summary>
    public static void OptionalResourceId(Validator validator, string? id, string field) =>
        validator.Check(string.IsNullOrEmpty(id) || ResourceIds.IsValid(id), field, ResourceIdRule);

    /// <summary>
    /// Where something raised or issued at a meeting belongs: the engagement <c>{message}.engagement</c> names (null when
    /// none, or recorded as unknown) and <c>{message}.province</c>, which must be in use on the engagement's date (else
    /// today) and be the engagement's province under the code of the time or today's.
    /// </summary>
    public async Task<Domain.Engagements.Engagement?> EngagementAndProvinceAsync(
        ProvincesDbContext db, RecordClock clock, string? engagementName, string? provinceName, string message, CancellationToken cancellationToken)
    {
        var engagement = await EngagementAsync(db, engagementName, $"{message}.engagement", cancellationToken);
        var provinceCode = Province(provinceName, $"{message}.province", engagement?.Date ?? clock.TodayInVietnam());
        SameProvinceAs(engagement, provinceCode, $"{message}.province");
        return engagement;
    }

    /// <summary>The id of an optional reference ("officials/x"); null when empty or malformed (recorded).</summary>
    public string? OptionalId(ResourceNamePattern pattern, string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (pattern.TryParse(name, out var ids))
        {
            return ids[0];
        }

        _validator.Add(field, $"must look like {pattern.Pattern}");
        return null;
    }

    /// <summary>Records a violation for each referenced official that does not exist.</summary>
    public async Task OfficialsExistAsync(ProvincesDbContext db, IReadOnlyCollection<(string Id, string Field)> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return;
        }

        var ids = references.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToArray();
        var existing = await db.Officials.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        foreach (var (id, field) in references.Where(r => !existing.Contains(r.Id)))
        {
            _validator.Add(field, $"{OfficialMapping.NamePattern.Format(id)} does not exist");
        }
    }

    /// <summary>The engagement an optional reference names, or null when empty, malformed or unknown (recorded).</summary>
    public async Task<Domain.Engagements.Engagement?> EngagementAsync(
        ProvincesDbContext db, string? name, string field, CancellationToken cancellationToken)
    {
        if (OptionalId(EngagementMapping.Names, name, field) is not { } id)
        {
            return null;
        }

        var engagement = await db.Engagements.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            _validator.Add(field, $"{name} does not exist");
        }

        return engagement;
    }

    /// <summary>
    /// Something raised or issued at an engagement belongs to the engagement's province, under the code of the
    /// time or today's (a 2023 meeting in provinces/45 may carry items filed under 45 or 44).
    /// </summary>
    public void SameProvinceAs(Domain.Engagements.Engagement? engagement, string? provinceCode, string field)
    {
        if (engagement is null || provinceCode is null)
        {
            return;
        }

        if (!provinces.LineageCodes(engagement.ProvinceCode).Contains(provinceCode)
            && !provinces.LineageCodes(provinceCode).Contains(engagement.ProvinceCode))
        {
            _validator.Add(field, $"must be the province of its engagement, {ProvinceDirectory.NamePattern.Format(engagement.ProvinceCode)}");
        }
    }

    /// <summary>Records the violations of an optional (possibly partial) date.</summary>
    public bool Date(Google.Type.Date? date, string field)
    {
        var violations = PartialDate.Validate(date, field);
        _validator.Add(violations);
        return violations.Count == 0;
    }

    /// <summary>Both ends valid and the start not after the end (a partial end stands for its last day).</summary>
    public void Period(V1.DateRange? range, string field)
    {
        if (range is null)
        {
            return;
        }

        var startValid = Date(range.StartDate, $"{field}.start_date");
        var endValid = Date(range.EndDate, $"{field}.end_date");
        if (!startValid || !endValid)
        {
            return;
        }

        var start = PartialDate.FromProto(range.StartDate);
        var end = PartialDate.FromProto(range.EndDate);
        if (start is { } first && end is { } last && first.ToSortable() > LastDayOf(last))
        {
            _validator.Add($"{field}.end_date", $"must not be before the start date {first}");
        }
    }

    public void ThrowIfInvalid(string message)
    {
        if (!_validator.HasViolations)
        {
            return;
        }

        if (_provinceProblem is { } problem && _validator.Violations.Count == 1)
        {
            throw ApiException.InvalidArgument(problem.Reason, problem.Description, problem.Violation);
        }

        _validator.ThrowIfInvalid(message);
    }

    private static int LastDayOf(PartialDate date) => date switch
    {
        { Month: 0 } => (date.Year * 10_000) + 1231,
        { Day: 0 } => (date.Year * 10_000) + (date.Month * 100) + 31,
        _ => date.ToSortable(),
    };
}
