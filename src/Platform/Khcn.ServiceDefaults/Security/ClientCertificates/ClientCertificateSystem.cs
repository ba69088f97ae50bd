namespace Khcn.ServiceDefaults.Security.ClientCertificates;

/// <summary>
/// What one calling system identified by its client certificate is granted: the scopes and provinces a bearer token
/// would otherwise carry (see Khcn.Security.KhcnClaims), configured per system because a certificate carries none.
/// </summary>
public sealed class ClientCertificateSystem
{
    /// <summary>Scopes such as <c>tasks.read</c>, <c>tasks.write</c> or <c>khcn.ministry</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Province codes the system may write for.</summary>
    public List<string> Provinces { get; set; } = [];
}
