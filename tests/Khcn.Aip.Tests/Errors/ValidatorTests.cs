using Khcn.Aip;

namespace Khcn.Aip.Tests.Errors;

public sealed class ValidatorTests
{
    [Fact]
    public void Collects_every_violation_before_throwing()
    {
        var validator = new Validator()
            .Required("", "display_name")
            .Required("  ", "parent")
            .Required("ok", "title")
            .Check(false, "page_size", "must be positive")
            .Check(true, "order_by", "never")
            .Add("filter", "bad");

        var e = Assert.Throws<ApiException>(() => validator.ThrowIfInvalid());

        Assert.Equal(["display_name", "parent", "page_size", "filter"], e.Violations.Select(v => v.Field));
        Assert.Equal(ApiErrorCode.InvalidArgument, e.Code);
        Assert.Equal("The request has invalid fields.", e.Message);
    }

    [Fact]
    public void Valid_request_does_not_throw()
    {
        var validator = new Validator().Required("x", "display_name").Check(true, "a", "b");

        validator.ThrowIfInvalid();

        Assert.False(validator.HasViolations);
        Assert.Empty(validator.Violations);
    }
}
