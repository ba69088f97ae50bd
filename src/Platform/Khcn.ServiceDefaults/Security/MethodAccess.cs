using System.Collections.Concurrent;
using Grpc.Net.Client.Configuration;
using Khcn.Security;

namespace Khcn.ServiceDefaults.Security;

/// <summary>
/// What a Khcn gRPC method asks of its caller: the read or the write scope of the service that owns it. The service
/// is the middle part of the proto package (<c>/khcn.tasks.v1.TasksService/CreateTask</c> → <c>tasks</c>); read
/// versus write follows the AIP verb, by the same rule that decides which calls are safe to retry.
/// </summary>
internal sealed record MethodAccess(string Service, string Method, bool IsRead)
{
    private const string PackageRoot = "khcn";

    // Asked on every call. Only the server's registered methods reach an interceptor, so the map stays small.
    private static readonly ConcurrentDictionary<string, MethodAccess?> Known = new(StringComparer.Ordinal);

    /// <summary>The scope that grants the call; for reads <see cref="KhcnClaims.Scopes.Ministry"/> grants it too.</summary>
    public string RequiredScope => IsRead ? KhcnClaims.Scopes.Read(Service) : KhcnClaims.Scopes.Write(Service);

    /// <summary>
    /// Null for a method outside a <c>khcn.&lt;service&gt;.&lt;version&gt;</c> package: no scope names it, so
    /// nobody is granted it.
    /// </summary>
    public static MethodAccess? For(string fullMethodName) => Known.GetOrAdd(fullMethodName, Parse);

    private static MethodAccess? Parse(string fullMethodName)
    {
        var path = fullMethodName.AsSpan().TrimStart('/');
        var slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            return null;
        }

        var segments = path[..slash].ToString().Split('.');
        var method = path[(slash + 1)..].ToString();

        // Package "khcn.<service>.<version>" plus the service name: at least four segments.
        if (segments.Length < 4 || segments[0] != PackageRoot || segments[1].Length == 0 || !segments[1].All(char.IsAsciiLetterLower))
        {
            return null;
        }

        return new MethodAccess(segments[1], method, RetryPolicies.IsIdempotent(method));
    }

    /// <remarks>
    /// Scopes only. Whether a write is for one of the caller's provinces depends on the resource, so that check
    /// belongs to the use cases (Khcn.ProvinceReference's ProvinceWriteAccess, through <see cref="ICallerContext"/>).
    /// </remarks>
    public bool IsGrantedTo(CallerIdentity caller) =>
        IsRead ? caller.MayRead(Service) : caller.HasScope(KhcnClaims.Scopes.Write(Service));
}
