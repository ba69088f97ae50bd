using Khcn.Aip;

namespace Khcn.ProvinceReference;

/// <summary>
/// The <c>province_codes</c> of a read request (e.g. a summary) as the set of stored codes it covers: each requested
/// unit with its whole merger lineage, so "44" also covers the closed code 45 and "45" covers today's 44.
/// </summary>
public static class ProvinceLineageScope
{
    /// <summary>
    /// Null when <paramref name="codes"/> is empty (the whole country; the catalog is not fetched, so such a request works
    /// while Provinces is down), else every code of each requested unit's lineage. Each malformed or unknown code is a
    /// violation on <paramref name="validator"/> as <c>field[i]</c>.
    /// </summary>
    /// <param name="field">The request field of the codes, e.g. "province_codes".</param>
    public static async Task<HashSet<string>?> ReadAsync(
        IProvinceReference provinces, Validator validator, IReadOnlyList<string> codes, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return null;
        }

        var catalog = await provinces.GetCatalogAsync(cancellationToken);
        var scope = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (code.Length != 2 || !code.All(char.IsAsciiDigit))
            {
                validator.Add($"{field}[{i}]", "must be a 2-digit GSO province code, e.g. \"44\"");
            }
            else if (!catalog.Contains(code))
            {
                // A closed code is accepted (45 covers its lineage, today's 44); only a code no unit ever had is refused.
                validator.Add($"{field}[{i}]", $"province code '{code}' does not exist");
            }
            else
            {
                scope.UnionWith(catalog.LineageOf(code));
            }
        }

        return scope;
    }
}
