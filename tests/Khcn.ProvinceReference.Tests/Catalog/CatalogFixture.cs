using Khcn.ProvinceReference.Tests.Infrastructure;

namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>The real Provinces service and the catalog a client service loaded from it.</summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    private readonly ProvincesServiceFixture _provinces = new();
    private ReferenceHost? _client;

    public Uri ProvincesAddress => _provinces.Address;

    public ProvinceCatalog Catalog { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _provinces.InitializeAsync();
        _client = ReferenceHost.Build(_provinces.Address);
        Catalog = await _client.Reference.GetCatalogAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        await _provinces.DisposeAsync();
    }
}
