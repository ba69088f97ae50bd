using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting.Security;

/// <summary>
/// The secure mode of one AppHost: generates the run's <see cref="DevelopmentSecurityFiles"/> when the first service
/// starts (the run directory exists only then) and gives each service the settings that use them.
/// </summary>
internal sealed class DevelopmentSecurity(IReadOnlyList<string> services, TimeProvider time)
{
    public const string PkiFolder = "pki";

    private readonly Lock _gate = new();

    /// <summary>The run's files; null until a service started.</summary>
    public DevelopmentSecurityFiles? Files { get; private set; }

    /// <summary>The files of the run in <paramref name="runDirectory"/>, generated on first use.</summary>
    public DevelopmentSecurityFiles FilesFor(string runDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(runDirectory, PkiFolder));
        lock (_gate)
        {
            if (Files?.Folder != folder)
            {
                Files = DevelopmentSecurityFiles.Create(folder, services, time);
            }

            return Files;
        }
    }

    /// <summary>
    /// TLS with the service's certificate on its gRPC endpoint (whose scheme is https), bearer tokens from the run's
    /// issuer required, the service's own token for calls on its own behalf, the run's CA trusted for calls to the
    /// other services, and mutual TLS between the services (each presents its client certificate; each accepts those
    /// of the run's CA). The health endpoint is untouched: plain HTTP/1.1 on loopback, for the AppHost's probe.
    /// </summary>
    public void Apply(string service, EnvironmentCallbackContext context)
    {
        var runDirectory = context.RunDirectory
            ?? throw new InvalidOperationException($"The secure mode needs a run directory to write '{service}''s certificate into.");
        var files = FilesFor(runDirectory);
        var variables = context.EnvironmentVariables;
        variables["Kestrel__Certificates__Default__Path"] = files.ServerCertificatePath(service);
        variables["Kestrel__Certificates__Default__KeyPath"] = files.ServerKeyPath(service);
        variables["Authentication__Jwt__Issuers__0"] = DevelopmentTokenIssuer.Issuer;
        variables["Authentication__Jwt__Audience"] = DevelopmentTokenIssuer.Audience;
        variables["Authentication__Jwt__SigningKeys__0"] = files.IssuerPublicKeyPath;
        variables["Authentication__ServiceToken__File"] = files.ServiceTokenPath(service);
        variables["Authentication__ServiceClients__TrustedAuthorities"] = files.AuthorityPath;
        variables["Authentication__ServiceClients__Certificate"] = files.ClientCertificatePath(service);
        variables["Authentication__ServiceClients__Key"] = files.ClientKeyPath(service);

        // Mutual TLS between the services, allowed rather than required: the developer's try: line and tools without a
        // client certificate keep working with their token. A service calling without a token (none to forward, no
        // service token) is admitted as itself with what its service token would grant, no more.
        variables["Authentication__ClientCertificates__TrustedAuthorities"] = files.AuthorityPath;
        variables["Authentication__ClientCertificates__Mode"] = "Allow";
        foreach (var caller in services)
        {
            for (var i = 0; i < DevelopmentSecurityFiles.ServiceScopes.Count; i++)
            {
                variables[$"Authentication__ClientCertificates__Systems__{caller}__Scopes__{i}"] = DevelopmentSecurityFiles.ServiceScopes[i];
            }
        }
    }
}
