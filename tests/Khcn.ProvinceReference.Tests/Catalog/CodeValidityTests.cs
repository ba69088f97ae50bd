using Khcn.ProvinceReference.Tests.Infrastructure;

namespace Khcn.ProvinceReference.Tests.Catalog;

/// <summary>Whether a code denoted a unit on a date, against the real Provinces service's data.</summary>
public sealed class CodeValidityTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData(20240115)]
    [InlineData(20250630)]
    public void A_closed_code_is_valid_up_to_its_last_day(int date)
    {
        Assert.Null(fixture.Catalog.Check("45", date));
    }

    [Theory]
    [InlineData(20250701)]
    [InlineData(20260315)]
    public void A_closed_code_is_refused_after_its_last_day_naming_the_code_to_use(int date)
    {
        var problem = fixture.Catalog.Check("45", date);

        Assert.NotNull(problem);
        Assert.Equal(ProvinceCodeProblem.Closed, problem.Reason);
        Assert.Equal("code 45 was closed on 2025-06-30; records dated after that use 44 (Quảng Trị)", problem.Description);
    }

    [Theory]
    [InlineData(20240115)] // Quảng Bình
    [InlineData(20250630)] // Quảng Bình's last day
    [InlineData(20250701)] // today's Quảng Trị
    [InlineData(20300101)]
    public void A_code_that_passed_to_a_new_unit_is_valid_before_and_after_the_change(int date)
    {
        Assert.Null(fixture.Catalog.Check("44", date));
    }

    [Fact]
    public void An_unknown_code_does_not_exist()
    {
        var problem = fixture.Catalog.Check("99", 20240115);

        Assert.NotNull(problem);
        Assert.Equal(ProvinceCodeProblem.NotFound, problem.Reason);
        Assert.Equal("province code '99' does not exist", problem.Description);
    }

    [Theory]
    [InlineData(20250000)] // 2025: January to June under 45
    [InlineData(20250600)] // June 2025, before the merger
    [InlineData(20240000)]
    public void A_partial_date_is_accepted_when_the_code_was_valid_on_some_day_of_it(int date)
    {
        Assert.Null(fixture.Catalog.Check("45", date));
    }

    [Theory]
    [InlineData(20250700)] // July 2025, wholly after the merger
    [InlineData(20260000)]
    public void A_partial_date_is_refused_when_the_code_was_closed_before_its_first_day(int date)
    {
        Assert.Equal(ProvinceCodeProblem.Closed, fixture.Catalog.Check("45", date)?.Reason);
    }

    [Fact]
    public async Task Date_zero_means_today_in_Viet_Nam()
    {
        // 2025-06-30 17:30 UTC is already 2025-07-01 in Viet Nam (UTC+7): the first day after the merger.
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 30, 16, 30, 0, TimeSpan.Zero));
        await using var client = ReferenceHost.Build(fixture.ProvincesAddress, clock: clock);
        var catalog = await client.Reference.GetCatalogAsync(CancellationToken.None);

        Assert.Null(catalog.Check("45", 0));

        clock.Now = new DateTimeOffset(2025, 6, 30, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal(ProvinceCodeProblem.Closed, catalog.Check("45", 0)?.Reason);
        Assert.Null(catalog.Check("44", 0));
    }
}
