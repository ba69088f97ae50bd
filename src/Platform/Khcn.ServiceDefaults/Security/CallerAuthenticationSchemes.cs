using Khcn.Security.Tokens;
using Khcn.ServiceDefaults.Security.ClientCertificates;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// How callers may prove who they are to this service; at least one is set whenever authentication is on.
/// </summary>
/// <param name="Tokens">Bearer tokens, when <c>Authentication:Jwt</c> names issuers.</param>
/// <param name="Certificates">Client certificates of configured systems, when mutual TLS is on.</param>
internal sealed record CallerAuthenticationSchemes(BearerTokenValidator? Tokens, ClientCertificateCallerIdentities? Certificates);
