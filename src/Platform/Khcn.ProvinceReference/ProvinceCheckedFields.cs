using Khcn.Aip;

namespace Khcn.ProvinceReference;

/// <summary>
/// The field violations of one write request that carries a province code. Every violation is collected; when the
/// province code is the only problem, the INVALID_ARGUMENT carries the catalog's reason (e.g. PROVINCE_CODE_CLOSED) so a
/// client can react to it without parsing text.
/// </summary>
/// <param name="provinceField">The request field of the code, e.g. "task.province_code".</param>
public sealed class ProvinceCheckedFields(string provinceField)
{
    private ProvinceCodeProblem? _provinceProblem;

    public Validator Fields { get; } = new();

    /// <summary>Records a violation on the province field unless <paramref name="code"/> was in use on <paramref name="onDate"/>.</summary>
    public void Province(ProvinceCatalog catalog, string code, int onDate)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Check(code, onDate) is { } problem)
        {
            _provinceProblem = problem;
            Fields.Add(provinceField, problem.Description);
        }
    }

    public void ThrowIfInvalid(string message)
    {
        if (_provinceProblem is { } problem && Fields.Violations is [var only] && only.Field == provinceField)
        {
            throw ApiException.InvalidArgument(problem.Reason, $"The province code cannot be used: {problem.Description}", only);
        }

        Fields.ThrowIfInvalid(message);
    }
}
