using Khcn.Tests.Tls;
namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// Authentication:ClientCertificates:Mode = Allow: a certificate is optional (the caller may use a bearer token
/// instead), but one that is presented must still come from the trusted authorities.
/// </summary>
public sealed class MutualTlsAllowedTests
{
    [Fact]
    public async Task A_caller_without_a_certificate_is_served_with_no_calling_system()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.True(result.IsServing, $"{result.Code}: {result.Details}");
        Assert.Null(Assert.Single(app.Callers).Caller);
    }

    [Fact]
    public async Task A_caller_with_a_certificate_from_the_trusted_authority_is_named()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Client);

        Assert.True(result.IsServing, $"{result.Code}: {result.Details}");
        Assert.Equal(DevelopmentPki.CallerSystem, Assert.Single(app.Callers).Caller?.SystemName);
    }

    [Fact]
    public async Task A_caller_with_a_certificate_from_another_authority_is_still_refused()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Stranger);

        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Empty(app.Callers);
    }

    private static Task<MutualTlsApp> StartAsync(DevelopmentPki pki) => MutualTlsApp.StartAsync(
        pki,
        ("Authentication:ClientCertificates:Mode", "Allow"),
        ("Authentication:ClientCertificates:TrustedAuthorities", pki.AuthorityPath));
}
