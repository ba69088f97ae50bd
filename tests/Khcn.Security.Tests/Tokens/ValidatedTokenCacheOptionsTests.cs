using Khcn.Security.Tokens;
using Microsoft.Extensions.Configuration;

namespace Khcn.Security.Tests.Tokens;

public sealed class ValidatedTokenCacheOptionsTests
{
    [Fact]
    public void TokenCacheIsOnByDefaultWithTenThousandEntriesForFiveMinutes()
    {
        var options = JwtValidationOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.True(options.TokenCache.IsEnabled);
        Assert.Equal(10_000, options.TokenCache.MaxEntries);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TokenCache.MaxAge);
    }

    [Fact]
    public void TokenCacheSectionBindsAndZeroEntriesTurnsItOff()
    {
        var options = JwtValidationOptions.FromConfiguration(Configuration(("MaxEntries", "0"), ("MaxAge", "00:01:00")));

        Assert.False(options.TokenCache.IsEnabled);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TokenCache.MaxAge);
    }

    [Theory]
    [InlineData("MaxEntries", "-1")]
    [InlineData("MaxAge", "-00:00:01")]
    public void NegativeTokenCacheSettingStopsStartup(string key, string value)
    {
        var options = JwtValidationOptions.FromConfiguration(Configuration((key, value)));
        options.Issuers = ["https://idp.most.gov.vn"];
        options.Audience = "khcn-tasks";
        options.SigningKeys = ["/etc/khcn/keys/most.pem"];

        var error = Assert.Throws<InvalidOperationException>(options.EnsureValid);
        Assert.Contains("TokenCache", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(setting => new KeyValuePair<string, string?>($"Authentication:Jwt:TokenCache:{setting.Key}", setting.Value)))
        .Build();
}
