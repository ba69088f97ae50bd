namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>Lineage as the real Provinces service's data gives it: Quảng Bình (44) and Quảng Trị (45) merged on 2025-07-01 as 44.</summary>
public sealed class LineageTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void The_merged_unit_includes_the_code_folded_into_it()
    {
        Assert.Equal(["44", "45"], fixture.Catalog.LineageOf("44"));
    }

    [Fact]
    public void A_closed_code_belongs_to_the_lineage_of_the_unit_it_was_folded_into()
    {
        Assert.Equal(["44", "45"], fixture.Catalog.LineageOf("45"));
    }

    [Fact]
    public void An_unchanged_province_is_its_own_lineage()
    {
        Assert.Equal(["12"], fixture.Catalog.LineageOf("12"));
    }

    [Fact]
    public void An_unknown_code_is_its_own_lineage()
    {
        Assert.False(fixture.Catalog.Contains("99"));
        Assert.Equal(["99"], fixture.Catalog.LineageOf("99"));
    }

    [Fact]
    public void Every_code_of_a_lineage_has_that_same_lineage()
    {
        foreach (var code in fixture.Catalog.Codes)
        {
            var lineage = fixture.Catalog.LineageOf(code);
            Assert.Contains(code, lineage);
            foreach (var member in lineage)
            {
                Assert.Equal(lineage, fixture.Catalog.LineageOf(member));
            }
        }
    }
}
