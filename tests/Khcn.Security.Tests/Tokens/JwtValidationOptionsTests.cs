using Khcn.Security.Tokens;
using Microsoft.Extensions.Configuration;

namespace Khcn.Security.Tests.Tokens;

public sealed class JwtValidationOptionsTests
{
    [Fact]
    public void AuthenticationJwtSectionBindsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Jwt:Issuers:0"] = "https://idp.most.gov.vn",
            ["Authentication:Jwt:Issuers:1"] = "https://sso.hanoi.gov.vn",
            ["Authentication:Jwt:Audience"] = "khcn-tasks",
            ["Authentication:Jwt:SigningKeys:0"] = "/etc/khcn/keys/most.pem",
            ["Authentication:Jwt:ClockSkew"] = "00:00:30",
        }).Build();

        var options = JwtValidationOptions.FromConfiguration(configuration);

        Assert.Equal(["https://idp.most.gov.vn", "https://sso.hanoi.gov.vn"], options.Issuers);
        Assert.Equal("khcn-tasks", options.Audience);
        Assert.Equal(["/etc/khcn/keys/most.pem"], options.SigningKeys);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
    }

    [Fact]
    public void ClockSkewDefaultsToSixtySecondsAndExpiryIsAlwaysRequired()
    {
        var options = JwtValidationOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(TimeSpan.FromSeconds(60), options.ClockSkew);
        Assert.True(options.RequireExpiration);
    }

    [Fact]
    public void OnlyAsymmetricAlgorithmsAreAllowed()
    {
        Assert.Equal(["RS256", "PS256", "ES256"], JwtValidationOptions.AllowedAlgorithms);
    }

    [Theory]
    [InlineData("Issuers")]
    [InlineData("Audience")]
    [InlineData("SigningKeys")]
    public void MissingSettingIsReportedByName(string setting)
    {
        var options = new JwtValidationOptions
        {
            Issuers = setting == "Issuers" ? [] : ["https://idp.most.gov.vn"],
            Audience = setting == "Audience" ? "" : "khcn-tasks",
            SigningKeys = setting == "SigningKeys" ? [] : ["/etc/khcn/keys/most.pem"],
        };

        var error = Assert.Throws<InvalidOperationException>(options.EnsureValid);

        Assert.Contains("Authentication:Jwt:" + setting, error.Message, StringComparison.Ordinal);
    }
}
