namespace Khcn.ProvinceReference;

/// <summary>How the province catalog is kept (configuration section "ProvinceReference").</summary>
public sealed class ProvinceReferenceOptions
{
    public const string SectionName = "ProvinceReference";

    /// <summary>
    /// Age after which the catalog is read again, in the background (callers keep getting the loaded one meanwhile).
    /// Also the lifetime of the shared cache entry, so across instances Provinces is asked about once per interval.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Page size of the ListProvinces calls; the Provinces service serves at most 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Deadline of each ListProvinces call (retries of UNAVAILABLE included).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
