using Grpc.Core;

namespace Grpc.Net.Client.Configuration;

/// <summary>
/// Ready-made retry configurations for the Khcn services (not part of the official Grpc.Net.Client API).
/// </summary>
/// <remarks>
/// The result is a plain <see cref="MethodConfig"/> with explicit method names, so the channel keeps the
/// standard service-config matching rules and the configuration stays readable in one place. Idempotency is
/// decided by the AIP naming conventions (AIP-131..136, AIP-159): standard methods Get/List/Search and the
/// read-only custom verbs Find/Export/Resolve/Summarize/Check/Watch never change state, so re-sending them is safe.
/// </remarks>
public static class RetryPolicies
{
    private static readonly string[] IdempotentPrefixes = ["Get", "List", "Search", "Find", "Export", "Resolve", "Summarize", "Check", "Watch"];

    /// <summary>Method-name prefixes treated as idempotent.</summary>
    public static IReadOnlyList<string> IdempotentMethodPrefixes => IdempotentPrefixes;

    /// <summary>
    /// Whether <paramref name="methodName"/> (without service) is idempotent by AIP convention: it starts with one of
    /// <see cref="IdempotentMethodPrefixes"/> followed by the end of the name or an upper-case letter ("GetProvince", not "Getaway").
    /// </summary>
    public static bool IsIdempotent(string methodName)
    {
        ArgumentNullException.ThrowIfNull(methodName);
        foreach (var prefix in IdempotentPrefixes)
        {
            if (methodName.StartsWith(prefix, StringComparison.Ordinal)
                && (methodName.Length == prefix.Length || char.IsUpper(methodName[prefix.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A retry policy that retries UNAVAILABLE only, with exponential backoff and jitter.</summary>
    /// <param name="maxAttempts">Attempts including the first one (2..5; the channel caps at <see cref="GrpcChannelOptions.MaxRetryAttempts"/>).</param>
    /// <param name="initialBackoff">Bound of the first retry delay (default 100 ms).</param>
    /// <param name="maxBackoff">Cap of the delay bound (default 2 s).</param>
    /// <param name="backoffMultiplier">Growth of the bound per retry (default 2).</param>
    public static RetryPolicy Unavailable(
        int maxAttempts = 5,
        TimeSpan? initialBackoff = null,
        TimeSpan? maxBackoff = null,
        double backoffMultiplier = 2)
    {
        var policy = new RetryPolicy
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = initialBackoff ?? TimeSpan.FromMilliseconds(100),
            MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(2),
            BackoffMultiplier = backoffMultiplier,
        };
        policy.RetryableStatusCodes.Add(StatusCode.Unavailable);
        return policy;
    }

    /// <summary>
    /// Builds a <see cref="MethodConfig"/> that retries UNAVAILABLE for the idempotent methods of <paramref name="serviceName"/>.
    /// Non-idempotent names in <paramref name="methodNames"/> are skipped, so a whole service's method list can be passed,
    /// e.g. <c>IdempotentUnavailable(ProvinceService.Descriptor.FullName, ProvinceService.Descriptor.Methods.Select(m =&gt; m.Name))</c>.
    /// </summary>
    public static MethodConfig IdempotentUnavailable(string serviceName, IEnumerable<string> methodNames, RetryPolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentNullException.ThrowIfNull(methodNames);

        var config = new MethodConfig { RetryPolicy = policy ?? Unavailable() };
        foreach (var methodName in methodNames)
        {
            if (IsIdempotent(methodName))
            {
                config.Names.Add(new MethodName { Service = serviceName, Method = methodName });
            }
        }

        return config;
    }
}
