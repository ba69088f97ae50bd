using Khcn.Tests.Tls;
using Microsoft.Extensions.Options;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>Mutual TLS switched on without a usable CA bundle stops the service at startup instead of trusting anyone.</summary>
public sealed class ClientCertificateConfigurationTests
{
    [Fact]
    public async Task Requiring_certificates_without_a_trusted_authorities_bundle_fails_at_startup()
    {
        using var pki = new DevelopmentPki();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => MutualTlsApp.StartAsync(pki, ("Authentication:ClientCertificates:Mode", "Require")));

        Assert.Contains("TrustedAuthorities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_authorities_bundle_that_does_not_exist_fails_at_startup()
    {
        using var pki = new DevelopmentPki();
        var missing = Path.Combine(Path.GetTempPath(), $"khcn-missing-{Guid.NewGuid():N}", "ca.crt");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => MutualTlsApp.StartAsync(pki, ("Authentication:ClientCertificates:TrustedAuthorities", missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_client_certificate_settings_tls_serves_callers_without_a_certificate()
    {
        using var pki = new DevelopmentPki();
        await using var app = await MutualTlsApp.StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.True(result.IsServing, $"{result.Code}: {result.Details}");
    }
}
