using System.Buffers.Text;
using Khcn.Aip;
using Khcn.Aip.Tests.Filtering;

namespace Khcn.Aip.Tests.Paging;

public enum WideKind : long
{
    Low = long.MinValue,
    High = long.MaxValue,
}

public enum SmallKind : byte
{
    None = 0,
    Top = 255,
}

public sealed class KeysetPageTokensTests
{
    private static readonly string Fingerprint = RequestFingerprint.Of("state = ACTIVE", "start_date desc, code");

    // Values a lossy encoding would change: odd ticks, both kinds of DateTime, doubles that need all 64 bits,
    // longs beyond 2^53, Vietnamese text in NFC and NFD, characters outside the BMP.
    public static TheoryData<object> Values => new()
    {
        "",
        "Đà Nẵng",
        "Tha\u0300nh pho\u0302\u0301 Hue\u0302\u0301",
        "Khoa học 🇻🇳 công nghệ",
        new string('ấ', 1500),
        int.MinValue,
        -1,
        int.MaxValue,
        long.MinValue,
        9_007_199_254_740_993L,
        long.MaxValue,
        -0.0,
        double.Epsilon,
        0.1 + 0.2,
        double.MaxValue,
        double.NegativeInfinity,
        true,
        false,
        new DateTime(638_873_856_123_456_789, DateTimeKind.Utc),
        new DateTime(638_873_856_123_456_789, DateTimeKind.Unspecified),
        DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
        SampleKind.AnnualReview,
        (SampleKind)42,
        WideKind.Low,
        WideKind.High,
        SmallKind.Top,
    };

    [Theory, MemberData(nameof(Values))]
    public void Every_supported_key_value_round_trips_exactly(object value)
    {
        var token = KeysetPageTokens.Encode([value, "id-1"], Fingerprint);

        var position = KeysetPageTokens.Decode(token, Fingerprint, [value.GetType(), typeof(string)]);

        Assert.NotNull(position);
        AssertIdentical(value, position[0]);
        Assert.Equal("id-1", position[1]);
        Assert.True(Base64Url.IsValid(token));
    }

    [Fact]
    public void A_position_of_mixed_types_round_trips_in_order()
    {
        object[] position = ["Quảng Trị", 20250701, 1_500_000_000L, 2.5, false, SampleKind.WorkingVisit, new DateTime(2025, 7, 1, 1, 2, 3, DateTimeKind.Utc), "t-01"];

        var decoded = KeysetPageTokens.Decode(KeysetPageTokens.Encode(position, Fingerprint), Fingerprint, [.. position.Select(v => v.GetType())]);

        Assert.NotNull(decoded);
        Assert.Equal(position.Length, decoded.Length);
        for (var i = 0; i < position.Length; i++) AssertIdentical(position[i], decoded[i]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_token_is_the_first_page(string? token)
    {
        Assert.Null(KeysetPageTokens.Decode(token, Fingerprint, [typeof(string)]));
    }

    [Fact]
    public void Token_of_another_request_is_rejected()
    {
        var token = KeysetPageTokens.Encode([7, "a"], Fingerprint);

        AssertRejected(() => KeysetPageTokens.Decode(token, RequestFingerprint.Of("state = CLOSED", "start_date desc, code"), [typeof(int), typeof(string)]));
    }

    [Fact]
    public void Changing_any_single_byte_of_a_token_gets_it_rejected()
    {
        var bytes = Base64Url.DecodeFromChars(KeysetPageTokens.Encode(["Lạng Sơn", 42L, true, "id-9"], Fingerprint));
        Type[] types = [typeof(string), typeof(long), typeof(bool), typeof(string)];

        for (var i = 0; i < bytes.Length; i++)
        {
            var edited = (byte[])bytes.Clone();
            edited[i] ^= 0x01;
            AssertRejected(() => KeysetPageTokens.Decode(Base64Url.EncodeToString(edited), Fingerprint, types));
        }
    }

    [Fact]
    public void Token_read_with_other_key_types_is_rejected()
    {
        var token = KeysetPageTokens.Encode([20250701, "id"], Fingerprint);

        AssertRejected(() => KeysetPageTokens.Decode(token, Fingerprint, [typeof(long), typeof(string)]));
        AssertRejected(() => KeysetPageTokens.Decode(token, Fingerprint, [typeof(SampleKind), typeof(string)]));
        AssertRejected(() => KeysetPageTokens.Decode(token, Fingerprint, [typeof(int), typeof(string), typeof(string)]));
        AssertRejected(() => KeysetPageTokens.Decode(token, Fingerprint, [typeof(string)]));
    }

    [Fact]
    public void Offset_tokens_and_keyset_tokens_are_not_interchangeable()
    {
        var offsetToken = PageTokens.Encode(50, Fingerprint);
        var keysetToken = KeysetPageTokens.Encode(["id"], Fingerprint);

        AssertRejected(() => KeysetPageTokens.Decode(offsetToken, Fingerprint, [typeof(int)]));
        AssertRejected(() => PageTokens.Decode(keysetToken, Fingerprint));
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("AAAA")]
    [InlineData("eyJvZmZzZXQiOjUwfQ")]
    public void Garbage_token_is_rejected(string token)
    {
        AssertRejected(() => KeysetPageTokens.Decode(token, Fingerprint, [typeof(string)]));
    }

    [Fact]
    public void Token_longer_than_any_issued_is_rejected_before_decoding()
    {
        AssertRejected(() => KeysetPageTokens.Decode(new string('A', 8193), Fingerprint, [typeof(string)]));
    }

    [Fact]
    public void Key_value_too_long_for_a_token_is_refused_when_encoding()
    {
        Assert.Throws<InvalidOperationException>(() => KeysetPageTokens.Encode([new string('x', 7000), "id"], Fingerprint));
    }

    [Fact]
    public void Unsupported_or_null_key_values_are_refused_when_encoding()
    {
        Assert.Throws<ArgumentException>(() => KeysetPageTokens.Encode([1.5m, "id"], Fingerprint));
        Assert.Throws<ArgumentNullException>(() => KeysetPageTokens.Encode([null!, "id"], Fingerprint));
    }

    // DateTime equality ignores Kind and double equality treats -0.0 as 0.0; a position must keep both exactly.
    private static void AssertIdentical(object expected, object? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case DateTime time:
                Assert.Equal((time.Ticks, time.Kind), (((DateTime)actual).Ticks, ((DateTime)actual).Kind));
                break;
            case double number:
                Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits((double)actual));
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static void AssertRejected(Action decode)
    {
        var e = Assert.Throws<ApiException>(decode);

        Assert.Equal(ApiErrorCode.InvalidArgument, e.Code);
        Assert.Equal("page_token", Assert.Single(e.Violations).Field);
    }
}
