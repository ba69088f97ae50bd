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

    /// <summary>Province codes the caller may write for (with their merger lineage, see <see cref="MayWrite(string, string, Func{string, IEnumerable{string}})"/>).</summary>
    public IReadOnlySet<string> Provinces { get; }

    public bool IsMinistry => HasScope(KhcnClaims.Scopes.Ministry);

    public bool HasScope(string scope) => Scopes.Contains(scope);

    public bool MayRead(string service) => IsMinistry || HasScope(KhcnClaims.Scopes.Read(service));

    /// <summary>
    /// Whether the caller may write records of <paramref name="service"/> stored under <paramref name="provinceCode"/>,
    /// taking each granted code as the codes it may write under, exactly as they are (no merger lineage).
    /// </summary>
    public bool MayWrite(string service, string provinceCode) => MayWrite(service, provinceCode, static code => [code]);

    /// <summary>
    /// Whether the caller may write records of <paramref name="service"/> stored under <paramref name="provinceCode"/>:
    /// the write scope is always needed; then the Ministry writes every province, anyone else the codes of the
    /// lineage (<paramref name="lineageOf"/>) of each granted code. An empty code is a record of no province
    /// (national level), which only the Ministry writes (<see cref="MayWriteNational"/>).
    /// </summary>
    /// <remarks>
    /// Lineage, because a merged province's department took over the records of the units folded into it: a grant
    /// of today's 44 covers records still filed under the closed 45. A grant naming only a closed code is expanded the
    /// same way (45 → 44, 45): the old unit's department no longer exists, and its successor is who writes for it.
    /// </remarks>
    public bool MayWrite(string service, string provinceCode, Func<string, IEnumerable<string>> lineageOf)
    {
        ArgumentNullException.ThrowIfNull(provinceCode);
        ArgumentNullException.ThrowIfNull(lineageOf);
        if (provinceCode.Length == 0)
        {
            return MayWriteNational(service);
        }

        return HasScope(KhcnClaims.Scopes.Write(service))
            && (IsMinistry || Provinces.Any(granted => lineageOf(granted).Contains(provinceCode, StringComparer.Ordinal)));
    }

    /// <summary>
    /// Whether the caller may write records of <paramref name="service"/> that belong to no province (national
    /// programmes and tasks, the province register itself): only the Ministry, with the write scope.
    /// </summary>
    public bool MayWriteNational(string service) => IsMinistry && HasScope(KhcnClaims.Scopes.Write(service));
}
