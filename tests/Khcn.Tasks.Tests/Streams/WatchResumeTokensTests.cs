using Khcn.Aip;
using Khcn.Tasks.Application.Streams;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>The resume token format: opaque, round-trips exactly, refuses anything it did not write.</summary>
public sealed class WatchResumeTokensTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(4_294_967_296L)]
    [InlineData(long.MaxValue)]
    public void A_token_gives_back_the_sequence_it_was_made_from(long sequence)
    {
        Assert.Equal(sequence, WatchResumeTokens.Decode(WatchResumeTokens.Encode(sequence)));
    }

    [Fact]
    public void A_token_is_url_safe_text()
    {
        var token = WatchResumeTokens.Encode(123_456_789);

        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Every_single_character_edit_is_refused()
    {
        var token = WatchResumeTokens.Encode(42);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        for (var i = 0; i < token.Length; i++)
        {
            var edited = token.ToCharArray();
            edited[i] = alphabet[(alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % alphabet.Length];
            var error = Assert.Throws<ApiException>(() => WatchResumeTokens.Decode(new string(edited)));
            Assert.Equal((ApiErrorCode.InvalidArgument, "resume_token"), (error.Code, error.Violations.Single().Field));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("AQAAAAAAAAAq")]
    [InlineData("%%%")]
    public void Text_that_is_not_a_whole_token_is_refused(string token)
    {
        Assert.Throws<ApiException>(() => WatchResumeTokens.Decode(token));
    }
}
