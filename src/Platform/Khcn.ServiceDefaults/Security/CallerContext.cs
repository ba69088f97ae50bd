using Khcn.Security;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// The per-call holder behind <see cref="ICallerContext"/>. It also keeps the caller's validated bearer token, in
/// memory only, so calls this service makes to others while handling the call can carry the same identity.
/// </summary>
internal sealed class CallerContext : ICallerContext
{
    public CallerIdentity? Current { get; private set; }

    /// <summary>The validated token; never logged, never put on a span, never exposed outside this assembly.</summary>
    public string? BearerToken { get; private set; }

    public void Authenticate(CallerIdentity caller, string bearerToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(bearerToken);
        Current = caller;
        BearerToken = bearerToken;
    }

    /// <summary>A caller proved by its client certificate alone: there is no token to carry on.</summary>
    public void AuthenticateWithCertificate(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Current = caller;
        BearerToken = null;
    }
}
