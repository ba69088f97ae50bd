using Khcn.Aip;

namespace Khcn.Aip.Tests.Names;

public sealed class ResourceNamePatternTests
{
    private static readonly ResourceNamePattern Engagement = new("engagements/{engagement}");
    private static readonly ResourceNamePattern Figure = new("provinces/{province}/figures/{figure}");
    private static readonly ResourceNamePattern Department = new("provinces/{province}/department");

    [Fact]
    public void Parses_and_formats_ids_in_pattern_order()
    {
        Assert.True(Figure.TryParse("provinces/12/figures/tasks-2021", out var ids));
        Assert.Equal(["12", "tasks-2021"], ids);
        Assert.Equal("provinces/12/figures/tasks-2021", Figure.Format(ids));
        Assert.Equal("45", Department.Parse("provinces/45/department", "name"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("engagements")]
    [InlineData("engagements/")]
    [InlineData("engagements/a/b")]
    [InlineData("Engagements/abc")]
    [InlineData("tasks/abc")]
    [InlineData("engagements/a b")]
    [InlineData("engagements/..")]
    public void Rejects_names_that_do_not_match(string? name)
    {
        Assert.False(Engagement.TryParse(name, out _));
        var e = Assert.Throws<ApiException>(() => Engagement.Parse(name, "name"));
        Assert.Equal(new FieldViolation("name", "must look like engagements/{engagement}"), Assert.Single(e.Violations));
        Assert.Equal(ApiErrorCode.InvalidArgument, e.Code);
    }

    [Fact]
    public void Single_id_parse_needs_a_single_variable_pattern()
    {
        Assert.Throws<InvalidOperationException>(() => Figure.Parse("provinces/12/figures/x", "name"));
        Assert.Equal(["12", "x"], Figure.ParseAll("provinces/12/figures/x", "name"));
    }

    [Fact]
    public void Format_checks_the_id_count_and_characters()
    {
        Assert.Throws<ArgumentException>(() => Figure.Format("12"));
        Assert.Throws<ArgumentException>(() => Engagement.Format("a/b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("a/{b")]
    public void Malformed_patterns_are_rejected(string pattern)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ResourceNamePattern(pattern));
    }
}

public sealed class ResourceIdsTests
{
    [Theory]
    [InlineData("abcd", true)]
    [InlineData("lang-son-2019", true)]
    [InlineData("a234", true)]
    [InlineData("abc", false)]
    [InlineData("1abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Abcd", false)]
    [InlineData("ab_cd", false)]
    [InlineData("lạng", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Ids_follow_aip_122(string? id, bool valid)
    {
        Assert.Equal(valid, ResourceIds.IsValid(id));
    }

    [Fact]
    public void Length_is_limited_to_63()
    {
        Assert.True(ResourceIds.IsValid("a" + new string('b', 62)));
        Assert.False(ResourceIds.IsValid("a" + new string('b', 63)));
    }

    [Fact]
    public void New_ids_are_valid_twenty_character_base32_and_distinct()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => ResourceIds.New()).ToList();

        Assert.All(ids, id =>
        {
            Assert.Equal(20, id.Length);
            Assert.True(ResourceIds.IsValid(id), id);
            Assert.All(id.ToCharArray(), c => Assert.Contains(c, "abcdefghijklmnopqrstuvwxyz234567"));
        });
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Validate_throws_invalid_argument_on_the_field()
    {
        ResourceIds.Validate("good-id", "engagement_id");

        var e = Assert.Throws<ApiException>(() => ResourceIds.Validate("Bad", "engagement_id"));
        Assert.Equal("engagement_id", Assert.Single(e.Violations).Field);
    }
}

public sealed class RequestIdsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123e4567-e89b-42d3-a456-426614174000")]
    public void Empty_or_uuid_is_accepted(string? requestId)
    {
        RequestIds.Validate(requestId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("123e4567e89b42d3a456426614174000")]
    [InlineData("{123e4567-e89b-42d3-a456-426614174000}")]
    public void Anything_else_is_rejected(string requestId)
    {
        var e = Assert.Throws<ApiException>(() => RequestIds.Validate(requestId));

        Assert.Equal("request_id", Assert.Single(e.Violations).Field);
    }
}
