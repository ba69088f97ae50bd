using System.Buffers.Text;
using Khcn.Aip;

namespace Khcn.Aip.Tests.Paging;

public sealed class PageSizesTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(999, 999)]
    [InlineData(1000, 1000)]
    [InlineData(5000, 1000)]
    public void Zero_means_default_and_large_values_are_capped(int requested, int expected)
    {
        Assert.Equal(expected, PageSizes.Normalize(requested));
    }

    [Fact]
    public void Custom_default_and_maximum_apply()
    {
        Assert.Equal(10, PageSizes.Normalize(0, defaultSize: 10, maxSize: 100));
        Assert.Equal(100, PageSizes.Normalize(101, defaultSize: 10, maxSize: 100));
    }

    [Fact]
    public void Negative_page_size_is_invalid()
    {
        var e = Assert.Throws<ApiException>(() => PageSizes.Normalize(-1));

        Assert.Equal("page_size", Assert.Single(e.Violations).Field);
    }
}

public sealed class PageTokensTests
{
    private static readonly string Fingerprint = RequestFingerprint.Of("kind = WORKING_VISIT", "date desc");

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    public void Token_round_trips_its_offset(int offset)
    {
        var token = PageTokens.Encode(offset, Fingerprint);

        Assert.Equal(offset, PageTokens.Decode(token, Fingerprint));
        Assert.True(Base64Url.IsValid(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_token_is_the_first_page(string? token)
    {
        Assert.Equal(0, PageTokens.Decode(token, Fingerprint));
    }

    [Fact]
    public void Token_from_another_request_is_rejected()
    {
        var token = PageTokens.Encode(50, Fingerprint);

        AssertRejected(() => PageTokens.Decode(token, RequestFingerprint.Of("kind = ANNUAL_REVIEW", "date desc")));
    }

    [Fact]
    public void Edited_token_is_rejected()
    {
        var bytes = Base64Url.DecodeFromChars(PageTokens.Encode(50, Fingerprint));
        bytes[^9] ^= 0x01; // low byte of the offset, just before the 8-byte checksum: 50 becomes 51

        AssertRejected(() => PageTokens.Decode(Base64Url.EncodeToString(bytes), Fingerprint));
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("eyJvZmZzZXQiOjUwfQ")]
    public void Garbage_token_is_rejected(string token)
    {
        AssertRejected(() => PageTokens.Decode(token, Fingerprint));
    }

    private static void AssertRejected(Action decode)
    {
        var e = Assert.Throws<ApiException>(decode);

        Assert.Equal(ApiErrorCode.InvalidArgument, e.Code);
        Assert.Equal(
            new FieldViolation("page_token", "page_token does not belong to this request: keep filter and order_by unchanged between pages"),
            Assert.Single(e.Violations));
    }
}

public sealed class RequestFingerprintTests
{
    [Fact]
    public void Fingerprint_is_sixteen_lower_hex_characters_and_stable()
    {
        var fingerprint = RequestFingerprint.Of("a", "b");

        Assert.Matches("^[0-9a-f]{16}$", fingerprint);
        Assert.Equal(fingerprint, RequestFingerprint.Of("a", "b"));
    }

    [Fact]
    public void Part_boundaries_and_order_matter()
    {
        Assert.NotEqual(RequestFingerprint.Of("ab", "c"), RequestFingerprint.Of("a", "bc"));
        Assert.NotEqual(RequestFingerprint.Of("a", "b"), RequestFingerprint.Of("b", "a"));
    }

    [Fact]
    public void Null_and_empty_parts_are_the_same_unset_value()
    {
        Assert.Equal(RequestFingerprint.Of(null, "x"), RequestFingerprint.Of("", "x"));
    }
}
