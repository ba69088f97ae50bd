namespace Khcn.Security;

/// <summary>
/// The claims and scopes Khcn reads from a caller's credentials. Other government systems mint tokens for Khcn,
/// so this is the contract they implement: every name here is part of it and must not change silently.
/// </summary>
public static class KhcnClaims
{
    /// <summary>
    /// <c>sub</c> (RFC 7519 §4.1.2): the person or system acting, as the issuer knows it. Required; the audit log
    /// records it as "who".
    /// </summary>
    public const string Subject = "sub";

    /// <summary><c>iss</c> (RFC 7519 §4.1.1): the token issuer; must equal one of the configured issuers exactly.</summary>
    public const string Issuer = "iss";

    /// <summary>
    /// <c>aud</c> (RFC 7519 §4.1.3): the intended recipient, a string or an array of strings; one of them must equal
    /// the configured audience exactly.
    /// </summary>
    public const string Audience = "aud";

    /// <summary>
    /// <c>exp</c> (RFC 7519 §4.1.4): expiry, seconds since the Unix epoch (UTC). Required: a token without it is
    /// refused, because a leaked token would otherwise work forever.
    /// </summary>
    public const string ExpiresAt = "exp";

    /// <summary><c>nbf</c> (RFC 7519 §4.1.5): optional; the token is refused before this instant (seconds since the Unix epoch).</summary>
    public const string NotBefore = "nbf";

    /// <summary><c>iat</c> (RFC 7519 §4.1.6): optional; when the token was issued (seconds since the Unix epoch).</summary>
    public const string IssuedAt = "iat";

    /// <summary>
    /// <c>scope</c> (RFC 8693 §4.2, RFC 9068 §2.2.3): the granted scopes as ONE space-separated string,
    /// e.g. <c>"tasks.read tasks.write"</c>. Either this or <see cref="ScopeList"/> may be used; both are merged.
    /// </summary>
    public const string Scope = "scope";

    /// <summary>
    /// <c>scp</c> (Microsoft Entra style): the granted scopes as a JSON array of strings,
    /// e.g. <c>["tasks.read", "tasks.write"]</c>. A space-separated string is accepted here too.
    /// </summary>
    public const string ScopeList = "scp";

    /// <summary>
    /// <c>client_id</c> (RFC 9068 §2.2): the calling system (the OAuth client the token was issued to). Required,
    /// because every change to a register must be traceable to the system that made it, not only to <c>sub</c>.
    /// </summary>
    public const string ClientId = "client_id";

    /// <summary>
    /// <c>khcn_provinces</c> (Khcn private claim): a JSON array of the province codes (strings, as in the province
    /// register, e.g. <c>["01", "79"]</c>) the caller may WRITE for. Each code also covers the codes of its merger
    /// lineage (today's 44 covers the closed 45, and 45 covers 44). Optional: absent means no province, so no writes
    /// (except for the Ministry, see <see cref="Scopes.Ministry"/>). Reads are governed by scopes alone.
    /// </summary>
    public const string Provinces = "khcn_provinces";

    /// <summary>The services whose read and write scopes are named <c>{service}.read</c> and <c>{service}.write</c>.</summary>
    public static class Services
    {
        /// <summary>The province register.</summary>
        public const string Provinces = "provinces";

        /// <summary>Science and technology tasks.</summary>
        public const string Tasks = "tasks";

        /// <summary>Intellectual property.</summary>
        public const string IntellectualProperty = "ip";

        /// <summary>The audit log; it is only ever read (there is no <c>audit.write</c>).</summary>
        public const string Audit = "audit";
    }

    /// <summary>The scope strings Khcn understands. Unknown scopes in a token are kept but grant nothing.</summary>
    public static class Scopes
    {
        /// <summary><c>provinces.read</c>: read the province register.</summary>
        public const string ProvincesRead = "provinces.read";

        /// <summary><c>provinces.write</c>: change the province register, for the provinces in <see cref="KhcnClaims.Provinces"/>.</summary>
        public const string ProvincesWrite = "provinces.write";

        /// <summary><c>tasks.read</c>: read tasks in every province.</summary>
        public const string TasksRead = "tasks.read";

        /// <summary><c>tasks.write</c>: record and change tasks, for the provinces in <see cref="KhcnClaims.Provinces"/>.</summary>
        public const string TasksWrite = "tasks.write";

        /// <summary><c>ip.read</c>: read intellectual-property records in every province.</summary>
        public const string IntellectualPropertyRead = "ip.read";

        /// <summary><c>ip.write</c>: record and change intellectual property, for the provinces in <see cref="KhcnClaims.Provinces"/>.</summary>
        public const string IntellectualPropertyWrite = "ip.write";

        /// <summary><c>audit.read</c>: read the audit log (auditors).</summary>
        public const string AuditRead = "audit.read";

        /// <summary>
        /// <c>khcn.ministry</c>: the Ministry; reads everything in every service and province. It grants no writes
        /// by itself: a Ministry system that writes needs the service's write scope, and with it writes every
        /// province (no <see cref="KhcnClaims.Provinces"/> needed) and the records of no province (national
        /// programmes and tasks), which nobody else may write.
        /// </summary>
        public const string Ministry = "khcn.ministry";

        /// <summary>The read scope of <paramref name="service"/>, e.g. <c>tasks.read</c>.</summary>
        public static string Read(string service) => service + ".read";

        /// <summary>The write scope of <paramref name="service"/>, e.g. <c>tasks.write</c>.</summary>
        public static string Write(string service) => service + ".write";
    }
}
