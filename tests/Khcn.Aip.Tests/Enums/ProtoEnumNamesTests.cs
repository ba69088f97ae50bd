using Khcn.Aip.Tests.Filtering;

namespace Khcn.Aip.Tests.Enums;

public sealed class ProtoEnumNamesTests
{
    [Theory]
    [InlineData(SampleKind.WorkingVisit, "WORKING_VISIT")]
    [InlineData(SampleKind.Unspecified, "SAMPLE_KIND_UNSPECIFIED")]
    public void A_defined_value_is_named_as_in_the_contract(SampleKind value, string expected) =>
        Assert.Equal(expected, ProtoEnumNames.Of(value));

    [Fact]
    public void An_undefined_value_is_named_by_its_number() =>
        Assert.Equal("9", ProtoEnumNames.Of((SampleKind)9));

    [Fact]
    public void The_specified_list_names_every_value_but_the_unspecified_zero_in_declaration_order() =>
        Assert.Equal("WORKING_VISIT, ANNUAL_REVIEW", ProtoEnumNames.SpecifiedList<SampleKind>());
}
