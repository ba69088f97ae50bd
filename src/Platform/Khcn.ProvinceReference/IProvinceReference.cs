namespace Khcn.ProvinceReference;

/// <summary>The province reference data a service checks codes against, read from the Provinces service.</summary>
public interface IProvinceReference
{
    /// <summary>
    /// The current catalog; loads it from the Provinces service (through the shared cache) when none is loaded yet.
    /// Throws <see cref="Khcn.Aip.ApiException"/> UNAVAILABLE (reason PROVINCES_UNAVAILABLE) when there is no catalog
    /// and Provinces cannot be reached; once one is loaded it is served even while Provinces is down.
    /// </summary>
    ValueTask<ProvinceCatalog> GetCatalogAsync(CancellationToken cancellationToken);
}
