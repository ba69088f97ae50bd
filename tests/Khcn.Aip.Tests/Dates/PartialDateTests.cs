using Khcn.Aip;

namespace Khcn.Aip.Tests.Dates;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019-06-12", 2019, 6, 12)]
    [InlineData("2019-06", 2019, 6, 0)]
    [InlineData("2019", 2019, 0, 0)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    public void Parses_complete_and_partial_dates(string text, int year, int month, int day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("19")]
    [InlineData("2019-6")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-02-29")]
    [InlineData("2019-06-31")]
    [InlineData("2019-06-00")]
    [InlineData("0000")]
    [InlineData("2019/06/12")]
    [InlineData("2019-06-12-01")]
    [InlineData("+019")]
    public void Rejects_malformed_or_impossible_dates(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
    }

    [Fact]
    public void Sortable_form_round_trips_and_orders_unknown_parts_first()
    {
        var dates = new[] { new PartialDate(2019, 6, 12), new PartialDate(2019, 0, 0), new PartialDate(2019, 6, 0), new PartialDate(2018, 12, 31) };

        Assert.Equal(20190612, dates[0].ToSortable());
        Assert.All(dates, d => Assert.Equal(d, PartialDate.FromSortable(d.ToSortable())));
        Assert.Equal([dates[3], dates[1], dates[2], dates[0]], dates.Order());
        Assert.True(new PartialDate(2019, 6, 0) < new PartialDate(2019, 6, 1));
    }

    [Fact]
    public void Proto_conversion_treats_all_zero_as_absent()
    {
        Assert.Null(PartialDate.FromProto(null));
        Assert.Null(PartialDate.FromProto(new Google.Type.Date()));
        var date = PartialDate.FromProto(new Google.Type.Date { Year = 2023, Month = 11 })!.Value;
        Assert.Equal(new PartialDate(2023, 11, 0), date);
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 11 }, date.ToProto());
    }

    [Fact]
    public void Only_complete_dates_convert_to_date_only()
    {
        Assert.Equal(new DateOnly(2023, 11, 29), new PartialDate(2023, 11, 29).ToDateOnly());
        Assert.Null(new PartialDate(2023, 11, 0).ToDateOnly());
        Assert.False(new PartialDate(2023, 0, 0).IsComplete);
        Assert.Equal(new PartialDate(2021, 1, 12), PartialDate.FromDateOnly(new DateOnly(2021, 1, 12)));
    }

    [Theory]
    [InlineData(2019, 6, 12, false, null)]
    [InlineData(2019, 6, 0, false, null)]
    [InlineData(2019, 0, 0, false, null)]
    [InlineData(0, 0, 0, true, null)]
    [InlineData(0, 6, 12, false, "d.year")]
    [InlineData(10000, 1, 1, false, "d.year")]
    [InlineData(2019, 13, 1, false, "d.month")]
    [InlineData(2019, 0, 5, false, "d.day")]
    [InlineData(2019, 2, 29, false, "d.day")]
    [InlineData(2019, 4, 31, false, "d.day")]
    [InlineData(2019, 6, 0, true, "d")]
    public void Validate_reports_the_offending_part(int year, int month, int day, bool requireComplete, string? field)
    {
        var violations = PartialDate.Validate(new Google.Type.Date { Year = year, Month = month, Day = day }, "d", requireComplete);

        Assert.Equal(field is null ? [] : [field], violations.Select(v => v.Field));
    }
}
