using Khcn.Aip;

namespace Khcn.Aip.Tests.Summaries;

public sealed class GroupByDimensionsTests
{
    [Fact]
    public void Valid_dimensions_are_kept_in_request_order()
    {
        var validator = new Validator();

        var dimensions = GroupByDimensions.Read(validator, [SampleDimension.Province, SampleDimension.Kind]);

        Assert.Equal([SampleDimension.Province, SampleDimension.Kind], dimensions);
        Assert.False(validator.HasViolations);
    }

    [Fact]
    public void Unspecified_or_unknown_dimension_is_refused_with_the_contract_names_of_the_specified_values()
    {
        var validator = new Validator();

        var dimensions = GroupByDimensions.Read(validator, [SampleDimension.Unspecified, (SampleDimension)99]);

        Assert.Empty(dimensions);
        Assert.Equal(
            [
                new FieldViolation("group_by[0]", "must be one of KIND, YEAR, PROVINCE, FILING_YEAR"),
                new FieldViolation("group_by[1]", "must be one of KIND, YEAR, PROVINCE, FILING_YEAR"),
            ],
            validator.Violations);
    }

    [Fact]
    public void Repeated_dimension_is_refused_by_its_contract_name_and_the_first_occurrence_kept()
    {
        var validator = new Validator();

        var dimensions = GroupByDimensions.Read(
            validator, [SampleDimension.FilingYear, SampleDimension.Kind, SampleDimension.FilingYear]);

        Assert.Equal([SampleDimension.FilingYear, SampleDimension.Kind], dimensions);
        var violation = Assert.Single(validator.Violations);
        Assert.Equal(new FieldViolation("group_by[2]", "repeats FILING_YEAR; group by each dimension at most once"), violation);
    }
}
