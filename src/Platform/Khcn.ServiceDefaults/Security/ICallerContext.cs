using Khcn.Security;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// The caller of the gRPC call being handled, for use cases that decide by who is asking (scoped: one per call).
/// </summary>
public interface ICallerContext
{
    /// <summary>
    /// The authenticated caller; null when authentication is not configured (the AppHost's development run) or
    /// outside a call (background work).
    /// </summary>
    CallerIdentity? Current { get; }
}
