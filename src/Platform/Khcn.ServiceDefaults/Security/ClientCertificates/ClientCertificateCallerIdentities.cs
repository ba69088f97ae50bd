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
    /// <remarks>
    /// A system the trusted authority issued a certificate to but that has no grants configured is still
    /// authenticated: it gets an identity with no scopes, so it is refused with PERMISSION_DENIED, not UNAUTHENTICATED.
    /// </remarks>
    public CallerIdentity ToCallerIdentity(ClientCertificateCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var grants = options.CurrentValue.Systems.GetValueOrDefault(caller.SystemName) ?? new ClientCertificateSystem();
        return new CallerIdentity(
            caller.SystemName,
            caller.SystemName,
            grants.Scopes.Where(scope => !string.IsNullOrWhiteSpace(scope)).Select(scope => scope.Trim()),
            grants.Provinces.Where(code => !string.IsNullOrWhiteSpace(code)).Select(code => code.Trim()));
    }
}
