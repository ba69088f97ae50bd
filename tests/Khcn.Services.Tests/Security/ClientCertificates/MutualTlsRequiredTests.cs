using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.Tests.Tls;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// Authentication:ClientCertificates:Mode = Require: only callers presenting a certificate from the trusted
/// authorities get through the handshake, and the service learns which system each one is.
/// </summary>
public sealed class MutualTlsRequiredTests
{
    private const string Mode = "Authentication:ClientCertificates:Mode";
    private const string TrustedAuthorities = "Authentication:ClientCertificates:TrustedAuthorities";

    [Fact]
    public async Task A_python_caller_with_a_certificate_from_the_trusted_authority_is_served_and_named()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Client);

        Assert.True(result.IsServing, $"{result.Code}: {result.Details}");
        var seen = Assert.Single(app.Callers);
        Assert.Equal(DevelopmentPki.CallerSystem, seen.Caller?.SystemName);
    }

    [Fact]
    public async Task A_python_caller_without_a_certificate_is_refused_at_the_handshake()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Empty(app.Callers);
    }

    [Fact]
    public async Task A_python_caller_with_a_certificate_from_another_authority_is_refused_at_the_handshake()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(pki);

        // Same system name, same shape of certificate: only the issuer differs.
        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath, pki.Stranger);

        Assert.False(result.Ok);
        Assert.Equal("UNAVAILABLE", result.Code);
        Assert.Empty(app.Callers);
    }

    [Fact]
    public async Task A_grpc_channel_presenting_its_certificate_is_served_with_the_grants_configured_for_its_system()
    {
        using var pki = new DevelopmentPki();
        await using var app = await StartAsync(
            pki,
            ($"Authentication:ClientCertificates:Systems:{DevelopmentPki.CallerSystem}:Scopes:0", "tasks.read"),
            ($"Authentication:ClientCertificates:Systems:{DevelopmentPki.CallerSystem}:Scopes:1", "tasks.write"),
            ($"Authentication:ClientCertificates:Systems:{DevelopmentPki.CallerSystem}:Provinces:0", "01"),
            ("Authentication:ClientCertificates:Systems:someone-else:Scopes:0", "khcn.ministry"));
        using var clientCertificate = pki.LoadClientCertificate();
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = pki.ServerTrustPolicy();
        handler.SslOptions.ClientCertificates = [clientCertificate];
        using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{app.Port}", new GrpcChannelOptions { HttpHandler = handler });

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
        var identity = Assert.Single(app.Callers).Identity;
        Assert.NotNull(identity);
        Assert.Equal($"system:{DevelopmentPki.CallerSystem}", identity.Subject);
        Assert.Equal(DevelopmentPki.CallerSystem, identity.ClientId);
        Assert.Equal(["tasks.read", "tasks.write"], identity.Scopes.Order());
        Assert.True(identity.MayWrite("tasks", "01"));
        Assert.False(identity.MayWrite("tasks", "79"));
        Assert.False(identity.IsMinistry);
    }

    [Fact]
    public async Task A_bundle_without_a_mode_requires_a_certificate()
    {
        using var pki = new DevelopmentPki();
        await using var app = await MutualTlsApp.StartAsync(pki, (TrustedAuthorities, pki.AuthorityPath));

        var result = await PythonTlsCaller.CallAsync(app.Port, PythonTlsCaller.HealthCheck, pki.AuthorityPath);

        Assert.Equal("UNAVAILABLE", result.Code);
    }

    private static Task<MutualTlsApp> StartAsync(DevelopmentPki pki, params (string Key, string Value)[] more) =>
        MutualTlsApp.StartAsync(pki, [(Mode, "Require"), (TrustedAuthorities, pki.AuthorityPath), .. more]);
}
