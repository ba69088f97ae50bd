using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Grpc.Net.Client.Retries;

/// <summary>
/// A validated <see cref="RetryPolicy"/> with the channel's caps applied, resolved once per method.
/// </summary>
internal sealed class EffectiveRetryPolicy
{
    private readonly bool[] _retryable;

    private EffectiveRetryPolicy(int maxAttempts, TimeSpan initialBackoff, TimeSpan maxBackoff, double multiplier, bool[] retryable)
    {
        MaxAttempts = maxAttempts;
        InitialBackoff = initialBackoff;
        MaxBackoff = maxBackoff;
        BackoffMultiplier = multiplier;
        _retryable = retryable;
    }

    public int MaxAttempts { get; }

    public TimeSpan InitialBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double BackoffMultiplier { get; }

    public bool IsRetryable(StatusCode code) => (uint)code < (uint)_retryable.Length && _retryable[(int)code];

    /// <summary>Validates <paramref name="policy"/> as gRFC A6 requires and caps its attempts at <paramref name="maxRetryAttempts"/>.</summary>
    /// <returns><c>null</c> when retries are effectively off (the cap leaves a single attempt).</returns>
    public static EffectiveRetryPolicy? Create(RetryPolicy policy, int? maxRetryAttempts)
    {
        var maxAttempts = policy.MaxAttempts ?? throw Invalid("MaxAttempts is required");
        if (maxAttempts < 2)
        {
            throw Invalid("MaxAttempts must be greater than 1");
        }

        var initialBackoff = policy.InitialBackoff ?? throw Invalid("InitialBackoff is required");
        var maxBackoff = policy.MaxBackoff ?? throw Invalid("MaxBackoff is required");
        var multiplier = policy.BackoffMultiplier ?? throw Invalid("BackoffMultiplier is required");
        if (initialBackoff <= TimeSpan.Zero || maxBackoff <= TimeSpan.Zero || multiplier <= 0)
        {
            throw Invalid("InitialBackoff, MaxBackoff and BackoffMultiplier must be greater than 0");
        }

        if (policy.RetryableStatusCodes.Count == 0)
        {
            throw Invalid("RetryableStatusCodes must not be empty");
        }

        var retryable = new bool[(int)StatusCode.Unauthenticated + 1];
        foreach (var code in policy.RetryableStatusCodes)
        {
            if ((uint)code < (uint)retryable.Length)
            {
                retryable[(int)code] = true;
            }
        }

        if (maxRetryAttempts is { } cap)
        {
            maxAttempts = Math.Min(maxAttempts, cap);
        }

        return maxAttempts < 2 ? null : new EffectiveRetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, retryable);
    }

    private static InvalidOperationException Invalid(string reason) => new($"Invalid retry policy: {reason}.");
}
