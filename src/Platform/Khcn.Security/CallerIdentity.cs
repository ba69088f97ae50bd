using System.Collections.Frozen;

namespace Khcn.Security;

/// <summary>Who is calling and what they were granted, independent of how they proved it.</summary>
public sealed record CallerIdentity
{
    public CallerIdentity(string subject, string clientId, IEnumerable<string> scopes, IEnumerable<string> provinces)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        Subject = subject;
        ClientId = clientId;
        Scopes = scopes.ToFrozenSet(StringComparer.Ordinal);
        Provinces = provinces.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The acting person or system (<c>sub</c>).</summary>
    public string Subject { get; }

    /// <summary>The calling system (<c>client_id</c>).</summary>
    public string ClientId { get; }

    public IReadOnlySet<string> Scopes { get; }

    /// <summary>Province codes the caller may write for.</summary>
    public IReadOnlySet<string> Provinces { get; }

    public bool IsMinistry => HasScope(KhcnClaims.Scopes.Ministry);

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public bool MayRead(string service) => IsMinistry || HasScope(KhcnClaims.Scopes.Read(service));

    /// <remarks>
    /// Plain set membership for now: a merged province's historical codes are not yet resolved through the
    /// province lineage, so a caller holding only the new code cannot write under an old one (issue #9, later step).
    /// </remarks>
    public bool MayWrite(string service, string provinceCode) =>
        HasScope(KhcnClaims.Scopes.Write(service)) && Provinces.Contains(provinceCode);
}
