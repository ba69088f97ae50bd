using Khcn.Aip;
using Khcn.Aip.Tests.Filtering;
using Khcn.Aip.Tests.Paging;

namespace Khcn.Aip.Tests.Sorting;

public sealed class KeysetOrderTests
{
    private static readonly OrderBySchema<Sample> Schema = new OrderBySchema<Sample>()
        .Field("name", x => x.SortKey)
        .Field("year", x => x.Year)
        .Field("budget", x => x.Budget)
        .Field("score", x => x.Score)
        .Field("active", x => x.Active)
        .Field("kind", x => x.Kind)
        .Field("create_time", x => x.CreatedUtc);

    public static TheoryData<string> Orders => new()
    {
        "year",
        "year desc, score",
        "active, kind desc",
        "active desc, year, budget desc",
        "kind, create_time desc",
        "score desc",
    };

    [Theory, MemberData(nameof(Orders))]
    public void Rows_after_a_position_are_exactly_the_rows_ordered_after_it(string orderBy)
    {
        var order = KeysetOrder<Sample>.Create(orderBy, Schema, "year", x => x.Name);
        var ordered = order.Apply(Samples.All.AsQueryable()).ToList();

        for (var i = 0; i < ordered.Count; i++)
        {
            var after = order.After(order.PositionOf(ordered[i])).Compile();
            Assert.Equal(ordered.Skip(i + 1).Select(s => s.Id), ordered.Where(after).Select(s => s.Id));
        }
    }

    [Fact]
    public void Order_ends_with_the_tie_breaker_and_names_the_effective_order_by()
    {
        var order = KeysetOrder<Sample>.Create("", Schema, "year desc,  kind", x => x.Name);

        Assert.Equal("year desc, kind", order.Description);
        Assert.Equal([typeof(int), typeof(SampleKind), typeof(string)], order.KeyTypes);
        Assert.Equal([2019, SampleKind.WorkingVisit, "Lạng Sơn"], order.PositionOf(Samples.All[0]));
    }

    [Fact]
    public void Invalid_order_by_is_an_invalid_argument_on_order_by()
    {
        var error = Assert.Throws<ApiException>(() => KeysetOrder<Sample>.Create("year sideways", Schema, "year", x => x.Name));

        Assert.Equal("order_by", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Nullable_value_key_is_refused_when_the_schema_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrderBySchema<Sample>().Field("year", x => (int?)x.Year));

        Assert.Contains("'year'", error.Message);
        Assert.Contains("nullable", error.Message);
    }

    [Fact]
    public void Nullable_reference_property_key_is_refused_when_the_schema_is_built()
    {
        var error = Assert.Throws<ArgumentException>(() => new OrderBySchema<Sample>().Field("code", x => x.Code));

        Assert.Contains("'code'", error.Message);
    }

    [Fact]
    public void Nullable_reference_field_key_is_refused_when_the_schema_is_built()
    {
        Assert.Throws<ArgumentException>(() => new OrderBySchema<Holder>().Field("note", x => x.Note));
    }

    [Fact]
    public void Nullable_column_ordered_through_a_non_null_substitute_is_accepted()
    {
        var schema = new OrderBySchema<Sample>().Field("code", x => x.Code ?? "");

        var order = KeysetOrder<Sample>.Create("code", schema, "", x => x.Name);

        Assert.Equal(["", "Quảng Bình"], order.PositionOf(Samples.All[4]));
    }

    [Fact]
    public void Key_type_keyset_cannot_seek_on_fails_on_first_use_whatever_the_order_by()
    {
        var schema = new OrderBySchema<Sample>()
            .Field("year", x => x.Year)
            .Field("ratio", x => (decimal)x.Budget / 7m);

        var error = Assert.Throws<InvalidOperationException>(() => KeysetOrder<Sample>.Create("year", schema, "year", x => x.Name));

        Assert.Contains("'ratio'", error.Message);
        Assert.Contains("Decimal", error.Message);
        // Offset and in-memory orderings still take such keys.
        Assert.Equal(7, Ordering.Apply(Samples.All.AsQueryable(), "ratio", schema, "year", x => x.Id).Count());
    }

    [Fact]
    public void Enums_of_every_underlying_width_seek_by_their_numbers()
    {
        Holder[] rows =
        [
            new() { Small = SmallKind.Top, Wide = WideKind.Low, Note = "a" },
            new() { Small = SmallKind.None, Wide = WideKind.High, Note = "b" },
            new() { Small = SmallKind.None, Wide = WideKind.Low, Note = "c" },
        ];
        var schema = new OrderBySchema<Holder>().Field("small", x => x.Small).Field("wide", x => x.Wide);
        var order = KeysetOrder<Holder>.Create("small desc, wide", schema, "", x => x.Note!);

        var after = order.After(order.PositionOf(rows[2])).Compile();

        Assert.Equal(["a", "c", "b"], order.Apply(rows.AsQueryable()).Select(r => r.Note));
        Assert.Equal(["b"], rows.Where(after).Select(r => r.Note));
    }

    public sealed class Holder
    {
        public SmallKind Small { get; init; }

        public WideKind Wide { get; init; }

        public string? Note = "";
    }
}
