using Grpc.Core;

namespace Grpc.Net.Client.Configuration;

/// <summary>
/// Retry policy of a method, following the gRPC retry design (gRFC A6).
/// Attempt n (n ≥ 1 counts retries) waits a random delay in
/// [0, min(InitialBackoff · BackoffMultiplier^(n-1), MaxBackoff)).
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Maximum attempts including the original one. Must be ≥ 2; capped by <see cref="GrpcChannelOptions.MaxRetryAttempts"/>.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Upper bound of the first retry's random delay. Must be &gt; 0.</summary>
    public TimeSpan? InitialBackoff { get; set; }

    /// <summary>Cap of the backoff bound. Must be &gt; 0.</summary>
    public TimeSpan? MaxBackoff { get; set; }

    /// <summary>Growth of the backoff bound after each retry. Must be &gt; 0.</summary>
    public double? BackoffMultiplier { get; set; }

    /// <summary>Status codes that make a failed attempt eligible for a retry. Must not be empty.</summary>
    public IList<StatusCode> RetryableStatusCodes { get; } = new List<StatusCode>();
}
