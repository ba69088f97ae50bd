using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Application.Programmes;

/// <summary>
/// The rules a programme's content must satisfy, shared by CreateProgramme and UpdateProgramme (which re-checks the
/// merged programme): one instance per request collects every violation, paths like "programme.start_year".
/// </summary>
public sealed class ProgrammeValidation(IProvinceReference provinces)
{
    /// <summary>Earliest year a programme may have: the state's S&amp;T administration dates from 1945.</summary>
    public const int FirstYear = 1945;

    /// <summary>Latest year a programme may have; later ones are typing mistakes.</summary>
    public const int LastYear = 2100;

    private const string Message = "The programme has invalid fields.";
    private const string ProvinceField = "programme.province_code";

    private readonly ProvinceCheckedFields _check = new(ProvinceField);

    /// <summary>A client-chosen id must be an AIP-122 id; empty means "generate one".</summary>
    public ProgrammeValidation ProgrammeId(string? programmeId)
    {
        _check.Fields.Check(
            string.IsNullOrEmpty(programmeId) || ResourceIds.IsValid(programmeId),
            "programme_id",
            "must be 4 to 63 characters of lower-case letters, digits and hyphens, start with a letter and not end with a hyphen");
        return this;
    }

    /// <summary>The official code is optional, but a padded code would slip past the uniqueness of codes.</summary>
    public ProgrammeValidation Code(string? code)
    {
        _check.Fields.Check(string.IsNullOrEmpty(code) || code.Trim().Length == code.Length, "programme.code", "must not start or end with spaces");
        return this;
    }

    /// <summary>The descriptive fields every stored programme must have.</summary>
    public ProgrammeValidation Description(Programme programme)
    {
        _check.Fields.Required(programme.DisplayName, "programme.display_name");
        _check.Fields.Check(
            programme.Level != TaskLevel.Unspecified && Enum.IsDefined(programme.Level),
            "programme.level",
            "is required: NATIONAL, MINISTERIAL, PROVINCIAL or GRASSROOTS");
        var startValid = Year(programme.StartYear, "programme.start_year");
        var endValid = Year(programme.EndYear, "programme.end_year");
        if (startValid && endValid && programme.StartYear != 0 && programme.EndYear != 0)
        {
            _check.Fields.Check(
                programme.EndYear >= programme.StartYear,
                "programme.end_year",
                $"must not be before start_year ({programme.StartYear})");
        }

        return this;
    }

    /// <summary>
    /// A provincial programme's province code must have been in use during its first year (today when the year is
    /// unknown), read like a task's year-only start date: a programme of Quảng Trị begun in 2021 keeps code 45.
    /// Skipped while the start year is itself invalid, whose violation is already recorded. Throws UNAVAILABLE when the
    /// Provinces service is down.
    /// </summary>
    public async Task ProvinceAsync(Programme programme, CancellationToken cancellationToken)
    {
        if (programme.ProvinceCode.Length == 0 || !IsValidYear(programme.StartYear))
        {
            return;
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        // yyyy0000: a partial date standing for the whole year, as the catalog reads it.
        var onDate = programme.StartYear * 10_000;
        _check.Province(catalog, programme.ProvinceCode, onDate);
    }

    /// <summary>
    /// INVALID_ARGUMENT with every violation found. When the province code is the only problem, ErrorInfo carries the
    /// catalog's reason (e.g. PROVINCE_CODE_CLOSED) so a client can react to it without parsing text.
    /// </summary>
    public void ThrowIfInvalid() => _check.ThrowIfInvalid(Message);

    private static bool IsValidYear(int year) => year == 0 || year is >= FirstYear and <= LastYear;

    private bool Year(int year, string field)
    {
        var valid = IsValidYear(year);
        _check.Fields.Check(valid, field, $"must be between {FirstYear} and {LastYear}, or 0 when unknown");
        return valid;
    }
}
