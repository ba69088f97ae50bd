using Khcn.Grpc.Protocol;

namespace Khcn.Grpc.Core.Api.Tests.Protocol;

public sealed class GrpcMessageTextTests
{
    [Fact]
    public void GrpcMessage_PrintableAsciiPassesThroughUnchanged()
    {
        const string text = "Province 'QT' not found: id=45 (see docs) ~!@#$^&*()_+{}|:\"<>?";

        Assert.Same(text, GrpcMessageText.Encode(text));
    }

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("a\nb", "a%0Ab")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("\r\0", "%0D%00")]
    [InlineData("del\u007f", "del%7F")]
    public void GrpcMessage_PercentAndControlCharactersAreEncoded(string text, string expected)
    {
        Assert.Equal(expected, GrpcMessageText.Encode(text));
    }

    [Fact]
    public void GrpcMessage_NonAsciiIsEncodedAsUtf8Bytes()
    {
        Assert.Equal("Kh%C3%B4ng", GrpcMessageText.Encode("Không"));
    }

    [Theory]
    [InlineData("Không tìm thấy tỉnh Quảng Trị")]
    [InlineData("100% lỗi\r\nmới")]
    [InlineData("emoji 🚀 and 中文")]
    [InlineData("")]
    public void GrpcMessage_RoundTrips(string text)
    {
        var encoded = GrpcMessageText.Encode(text);

        Assert.All(encoded, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.Equal(text, GrpcMessageText.Decode(encoded));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("50%", "50%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%%41", "%A")]
    [InlineData("%e1%BB%87", "ệ")]
    public void GrpcMessage_MalformedPercentSequencesDecodeLeniently(string encoded, string expected)
    {
        Assert.Equal(expected, GrpcMessageText.Decode(encoded));
    }

    [Fact]
    public void GrpcMessage_InvalidUtf8DecodesToReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb", GrpcMessageText.Decode("a%FFb"));
    }
}
