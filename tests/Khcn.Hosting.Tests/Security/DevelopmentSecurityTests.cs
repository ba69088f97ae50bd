using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Security;
using Khcn.Hosting.Tests.AppModel;
using Khcn.Security;
using Khcn.Security.Certificates;
using Khcn.Security.Tokens;

namespace Khcn.Hosting.Tests.Security;

/// <summary>
/// The AppHost's secure mode: what it generates into the run directory, and what each service is told to do with it.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DevelopmentSecurityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly string _run = Directory.CreateTempSubdirectory("khcn-secure-run-").FullName;

    [Fact]
    public void Without_the_switch_a_project_keeps_cleartext_and_no_authentication()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var tasks = builder.AddProject<TestProject>("tasks");
        builder.AddDevelopmentSecurity();

        var environment = Resolve(tasks.Resource, builder);

        Assert.StartsWith("http://", environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("Authentication__", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_run, DevelopmentSecurity.PkiFolder)));
    }

    [Fact]
    public void Secure_switch_serves_grpc_over_https_and_keeps_health_on_cleartext()
    {
        var builder = DistributedApplication.CreateBuilder(["--secure"]);
        var provinces = builder.AddProject<TestProject>("provinces");
        var tasks = builder.AddProject<TestProject>("tasks").WithReference(provinces);
        builder.AddDevelopmentSecurity();

        var environment = Resolve(tasks.Resource, builder);

        Assert.Equal($"https://127.0.0.1:{tasks.Resource.HttpEndpoint.Port}", environment["ASPNETCORE_URLS"]);
        Assert.Equal($"https://127.0.0.1:{provinces.Resource.HttpEndpoint.Port}", environment["services__provinces__http__0"]);
        Assert.StartsWith("http://127.0.0.1:", environment["HealthChecks__Urls"], StringComparison.Ordinal);
        // The gRPC endpoint stays the first one: the console summary shows it.
        Assert.Equal(ProjectResource.HttpEndpointName, tasks.Resource.Endpoints().First().Name);
    }

    [Fact]
    public void Setting_AppHost_Security_Enabled_turns_the_secure_mode_on_too()
    {
        var builder = DistributedApplication.CreateBuilder(["--AppHost:Security:Enabled=true"]);
        var tasks = builder.AddProject<TestProject>("tasks");
        builder.AddDevelopmentSecurity();

        var environment = Resolve(tasks.Resource, builder);

        Assert.StartsWith("https://", environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_service_is_pointed_at_its_own_certificate_and_token_and_the_runs_issuer_and_ca()
    {
        var builder = DistributedApplication.CreateBuilder(["--secure"]);
        var tasks = builder.AddProject<TestProject>("tasks");
        builder.AddProject<TestProject>("ip");
        builder.AddDevelopmentSecurity();

        var environment = Resolve(tasks.Resource, builder);

        var pki = Path.Combine(_run, DevelopmentSecurity.PkiFolder);
        Assert.Equal(Path.Combine(pki, "tasks.crt"), environment["Kestrel__Certificates__Default__Path"]);
        Assert.Equal(Path.Combine(pki, "tasks.key"), environment["Kestrel__Certificates__Default__KeyPath"]);
        Assert.Equal(Path.Combine(pki, "tasks.token"), environment["Authentication__ServiceToken__File"]);
        Assert.Equal(Path.Combine(pki, "ca.crt"), environment["Authentication__ServiceClients__TrustedAuthorities"]);
        Assert.Equal(Path.Combine(pki, "issuer.pub.pem"), environment["Authentication__Jwt__SigningKeys__0"]);
        Assert.Equal(DevelopmentTokenIssuer.Issuer, environment["Authentication__Jwt__Issuers__0"]);
        Assert.Equal(DevelopmentTokenIssuer.Audience, environment["Authentication__Jwt__Audience"]);
        Assert.All(
            [environment["Kestrel__Certificates__Default__Path"], environment["Authentication__ServiceToken__File"], Path.Combine(pki, "ip.crt")],
            path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void Private_keys_and_tokens_are_readable_by_their_owner_only()
    {
        var files = DevelopmentSecurityFiles.Create(Path.Combine(_run, "pki"), ["tasks"], new FixedTime(Now));

        foreach (var path in new[] { files.ServerKeyPath("tasks"), files.ClientKeyPath("tasks"), files.IssuerPrivateKeyPath, files.ServiceTokenPath("tasks"), files.DeveloperTokenPath })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.False(File.Exists(Path.Combine(files.Folder, "ca.key")), "The CA's key is never written.");
    }

    [Fact]
    public void Server_certificate_chains_to_the_runs_ca_for_loopback_and_localhost()
    {
        var files = DevelopmentSecurityFiles.Create(Path.Combine(_run, "pki"), ["tasks"], TimeProvider.System);
        using var certificate = X509Certificate2.CreateFromPemFile(files.ServerCertificatePath("tasks"), files.ServerKeyPath("tasks"));
        using var chain = new X509Chain
        {
            ChainPolicy = PrivateAuthorityTrust.ChainPolicy(PemCertificateFiles.LoadBundle(files.AuthorityPath), CertificatePurposes.ServerAuthentication),
        };

        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("localhost"));
    }

    [Fact]
    public void Services_use_mutual_tls_between_them_allowed_not_required()
    {
        var builder = DistributedApplication.CreateBuilder(["--secure"]);
        var tasks = builder.AddProject<TestProject>("tasks");
        builder.AddProject<TestProject>("ip");
        builder.AddDevelopmentSecurity();

        var environment = Resolve(tasks.Resource, builder);

        var pki = Path.Combine(_run, DevelopmentSecurity.PkiFolder);
        // As a client: presents its own client certificate.
        Assert.Equal(Path.Combine(pki, "tasks-client.crt"), environment["Authentication__ServiceClients__Certificate"]);
        Assert.Equal(Path.Combine(pki, "tasks-client.key"), environment["Authentication__ServiceClients__Key"]);
        // As a server: accepts the run's CA, without requiring a certificate (tokens alone still work), and grants each
        // service's system what its service token grants.
        Assert.Equal(Path.Combine(pki, "ca.crt"), environment["Authentication__ClientCertificates__TrustedAuthorities"]);
        Assert.Equal("Allow", environment["Authentication__ClientCertificates__Mode"]);
        Assert.All(["tasks", "ip"], system =>
            Assert.Equal([.. DevelopmentSecurityFiles.ServiceScopes], environment
                .Where(variable => variable.Key.StartsWith($"Authentication__ClientCertificates__Systems__{system}__Scopes__", StringComparison.Ordinal))
                .Select(variable => variable.Value)));
        Assert.DoesNotContain(environment.Keys, key => key.Contains("__Systems__", StringComparison.Ordinal) && key.Contains("__Provinces__", StringComparison.Ordinal));
    }

    [Fact]
    public void Client_certificate_chains_to_the_runs_ca_for_client_authentication_and_names_the_service()
    {
        var files = DevelopmentSecurityFiles.Create(Path.Combine(_run, "pki"), ["tasks"], TimeProvider.System);
        using var certificate = X509Certificate2.CreateFromPemFile(files.ClientCertificatePath("tasks"), files.ClientKeyPath("tasks"));
        var trusted = PemCertificateFiles.LoadBundle(files.AuthorityPath);
        using var chain = new X509Chain { ChainPolicy = PrivateAuthorityTrust.ChainPolicy(trusted, CertificatePurposes.ClientAuthentication) };
        using var asServer = new X509Chain { ChainPolicy = PrivateAuthorityTrust.ChainPolicy(trusted, CertificatePurposes.ServerAuthentication) };

        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.False(asServer.Build(certificate), "A client certificate must not serve as a server certificate.");
        Assert.True(ClientCertificateIdentity.TryRead(certificate, out var system));
        Assert.Equal("tasks", system);
    }

    [Fact]
    public async Task Developer_token_is_the_ministry_with_every_scope_for_twelve_hours()
    {
        var files = DevelopmentSecurityFiles.Create(Path.Combine(_run, "pki"), ["tasks"], new FixedTime(Now));
        var token = await File.ReadAllTextAsync(files.DeveloperTokenPath);

        var withinTheDay = await ValidatorAt(files, Now.AddHours(11)).ValidateAsync(token);
        var nextMorning = await ValidatorAt(files, Now.AddHours(13)).ValidateAsync(token);

        Assert.True(withinTheDay.IsAccepted, withinTheDay.Message);
        var caller = withinTheDay.Caller!;
        Assert.True(caller.IsMinistry);
        Assert.True(caller.HasScope(KhcnClaims.Scopes.AuditRead));
        Assert.True(caller.MayWrite(KhcnClaims.Services.Tasks, "79"));
        Assert.True(caller.MayWrite(KhcnClaims.Services.IntellectualProperty, "01"));
        Assert.Equal("EXPIRED", nextMorning.ReasonCode);
    }

    [Fact]
    public async Task Service_token_only_reads_the_province_catalog()
    {
        var files = DevelopmentSecurityFiles.Create(Path.Combine(_run, "pki"), ["tasks"], new FixedTime(Now));
        var token = await File.ReadAllTextAsync(files.ServiceTokenPath("tasks"));

        var outcome = await ValidatorAt(files, Now.AddMinutes(1)).ValidateAsync(token);

        Assert.True(outcome.IsAccepted, outcome.Message);
        Assert.Equal([KhcnClaims.Scopes.ProvincesRead], outcome.Caller!.Scopes);
        Assert.Equal("service:tasks", outcome.Caller.Subject);
    }

    [Fact]
    public void A_new_run_gets_new_material()
    {
        var builder = DistributedApplication.CreateBuilder(["--secure"]);
        var tasks = builder.AddProject<TestProject>("tasks");
        builder.AddDevelopmentSecurity();
        var first = Resolve(tasks.Resource, builder);
        var secondRun = Directory.CreateTempSubdirectory("khcn-secure-run-").FullName;
        try
        {
            var second = tasks.Resource.ResolveEnvironment(secondRun);

            Assert.StartsWith(secondRun, second["Authentication__Jwt__SigningKeys__0"], StringComparison.Ordinal);
            Assert.NotEqual(File.ReadAllText(first["Authentication__Jwt__SigningKeys__0"]), File.ReadAllText(second["Authentication__Jwt__SigningKeys__0"]));
        }
        finally
        {
            Directory.Delete(secondRun, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private IDictionary<string, string> Resolve(IResource resource, IDistributedApplicationBuilder builder) =>
        EnvironmentOf.Resolve(resource, builder.Resources, _run);

    private static BearerTokenValidator ValidatorAt(DevelopmentSecurityFiles files, DateTimeOffset time) => new(
        new JwtValidationOptions
        {
            Issuers = [DevelopmentTokenIssuer.Issuer],
            Audience = DevelopmentTokenIssuer.Audience,
            SigningKeys = [files.IssuerPublicKeyPath],
        },
        new FixedTime(time));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
