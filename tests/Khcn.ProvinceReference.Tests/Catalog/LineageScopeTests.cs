using Khcn.Aip;

namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>
/// The province_codes of a summary request as the stored codes they cover, over the catalog the real Provinces service
/// gives: each requested unit with its whole merger lineage; bad codes are violations by position.
/// </summary>
public sealed class LineageScopeTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task A_requested_code_covers_every_code_of_its_merger_lineage()
    {
        var validator = new Validator();

        var scope = await ProvinceLineageScope.ReadAsync(new Loaded(fixture.Catalog), validator, ["44"], "province_codes", default);

        Assert.False(validator.HasViolations);
        Assert.Equal(["44", "45"], scope!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_closed_code_covers_the_lineage_of_the_unit_it_was_folded_into()
    {
        var scope = await ProvinceLineageScope.ReadAsync(new Loaded(fixture.Catalog), new Validator(), ["45", "12"], "province_codes", default);

        Assert.Equal(["12", "44", "45"], scope!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Malformed_and_unknown_codes_are_each_a_violation_at_their_position()
    {
        var validator = new Validator();

        await ProvinceLineageScope.ReadAsync(new Loaded(fixture.Catalog), validator, ["12", "4", "99", "ab"], "province_codes", default);

        Assert.Equal(
            ["province_codes[1]", "province_codes[2]", "province_codes[3]"],
            validator.Violations.Select(v => v.Field));
        Assert.Contains("does not exist", validator.Violations[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_codes_means_the_whole_country_without_asking_for_the_catalog()
    {
        var validator = new Validator();

        var scope = await ProvinceLineageScope.ReadAsync(new Unreachable(), validator, [], "province_codes", default);

        Assert.Null(scope);
        Assert.False(validator.HasViolations);
    }

    /// <summary>A reference holding the catalog the fixture loaded from the real Provinces service.</summary>
    private sealed class Loaded(ProvinceCatalog catalog) : IProvinceReference
    {
        public ValueTask<ProvinceCatalog> GetCatalogAsync(CancellationToken cancellationToken) => ValueTask.FromResult(catalog);
    }

    /// <summary>A reference whose Provinces service is down: asking it fails the test.</summary>
    private sealed class Unreachable : IProvinceReference
    {
        public ValueTask<ProvinceCatalog> GetCatalogAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The catalog must not be asked for when no province code is given.");
    }
}
