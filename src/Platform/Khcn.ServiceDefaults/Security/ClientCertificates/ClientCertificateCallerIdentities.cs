using Khcn.Security;
using Microsoft.Extensions.Options;

namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>
/// Turns a calling system into the <see cref="CallerIdentity"/> authorization rules read, with the scopes and provinces
/// configured for it under <c>Authentication:ClientCertificates:Systems:&lt;name&gt;</c>. The system is both subject and
/// client: a certificate identifies a system, never a person acting through it.
/// </summary>
public sealed class ClientCertificateCallerIdentities(IOptionsMonitor<ClientCertificateOptions> options)
{
    /// <summary>
    /// Before the system name in <see cref="CallerIdentity.Subject"/> (<c>system:dossier-service</c>), so the audit log
    /// and the rate limiter never confuse a system with a person whose token subject happens to read the same.
    /// </summary>
    public const string SubjectPrefix = "system:";

    /// <summary>
    /// The identity of <paramref name="caller"/>: subject <c>system:&lt;name&gt;</c>, client id <c>&lt;name&gt;</c>, the
    /// configured scopes and provinces. Null for a system with nothing configured: the trusted authority may issue
    /// certificates to systems this service has not agreed to serve, and those are not callers here.
    /// </summary>
    public CallerIdentity? ToCallerIdentity(ClientCertificateCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (options.CurrentValue.Systems.GetValueOrDefault(caller.SystemName) is not { } grants)
        {
            return null;
        }

        return new CallerIdentity(
            SubjectPrefix + caller.SystemName,
            caller.SystemName,
            grants.Scopes.Where(scope => !string.IsNullOrWhiteSpace(scope)).Select(scope => scope.Trim()),
            grants.Provinces.Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code.Trim()));
    }
}
