namespace Khcn.Dashboard.Store;

/// <summary>
/// Percentiles of an explicit-bucket histogram, estimated by linear interpolation inside the bucket the rank falls in
/// (as Prometheus' histogram_quantile does). Bucket i covers (bounds[i-1], bounds[i]]; the first and last buckets are
/// open, so their outer edge is the recorded min or max when known, else 0 (or the first bound, if negative) below and
/// the last bound above. A known min and max also narrow the buckets they fall in.
/// </summary>
internal static class HistogramPercentiles
{
    /// <param name="quantile">Between 0 and 1: 0.5 for P50.</param>
    /// <returns>The estimate, or null when the histogram is empty or the bucket's edges are unknown.</returns>
    public static double? Estimate(IReadOnlyList<double> bounds, IReadOnlyList<ulong> bucketCounts, double quantile,
        double? min = null, double? max = null)
    {
        var total = 0UL;
        foreach (var count in bucketCounts)
        {
            total += count;
        }
        if (total == 0 || bucketCounts.Count != bounds.Count + 1)
        {
            return null;
        }

        var rank = quantile * total;
        var before = 0UL;
        for (var i = 0; i < bucketCounts.Count; i++)
        {
            var count = bucketCounts[i];
            if (count == 0 || before + count < rank)
            {
                before += count;
                continue;
            }

            if (LowerEdge(bounds, i, min) is not { } lower || UpperEdge(bounds, i, max) is not { } upper)
            {
                return null;
            }
            if (min is { } knownMin)
            {
                lower = Math.Clamp(lower, knownMin, Math.Max(knownMin, upper));
            }
            if (max is { } knownMax)
            {
                upper = Math.Clamp(upper, lower, Math.Max(lower, knownMax));
            }
            return lower + (upper - lower) * ((rank - before) / count);
        }
        return null;
    }

    private static double? LowerEdge(IReadOnlyList<double> bounds, int bucket, double? min) =>
        bucket > 0 ? bounds[bucket - 1]
        : min ?? (bounds.Count > 0 ? Math.Min(0, bounds[0]) : null);

    private static double? UpperEdge(IReadOnlyList<double> bounds, int bucket, double? max) =>
        bucket < bounds.Count ? bounds[bucket]
        : max ?? (bounds.Count > 0 ? bounds[^1] : null);
}
