using Khcn.Dashboard.Store;

namespace Khcn.Dashboard.Tests.Store;

public sealed class HistogramPercentilesTests
{
    private static readonly double[] Bounds = [0, 5, 10, 25];

    [Theory]
    [InlineData(0.50, 5.0)]
    [InlineData(0.90, 9.0)]
    [InlineData(0.99, 9.9)]
    public void Percentile_InterpolatesLinearlyInsideTheBucketTheRankFallsIn(double quantile, double expected)
    {
        // Ten values in (0, 5] and ten in (5, 10].
        ulong[] counts = [0, 10, 10, 0, 0];

        Assert.Equal(expected, HistogramPercentiles.Estimate(Bounds, counts, quantile)!.Value, 9);
    }

    [Fact]
    public void FirstBucket_WithoutMin_StartsAtZero()
    {
        // Four values in (-inf, 5].
        Assert.Equal(2.5, HistogramPercentiles.Estimate([5, 10], [4, 0, 0], 0.5)!.Value, 9);
    }

    [Fact]
    public void KnownMinAndMax_NarrowTheBucketTheyFallIn()
    {
        // All values in (10, 25], recorded between 12 and 20.
        ulong[] counts = [0, 0, 0, 8, 0];

        Assert.Equal(16, HistogramPercentiles.Estimate(Bounds, counts, 0.5, min: 12, max: 20)!.Value, 9);
    }

    [Fact]
    public void OverflowBucket_EndsAtTheMaxWhenKnown_ElseAtTheLastBound()
    {
        ulong[] counts = [0, 0, 0, 0, 2];

        Assert.Equal(37.5, HistogramPercentiles.Estimate(Bounds, counts, 0.5, max: 50)!.Value, 9);
        Assert.Equal(25, HistogramPercentiles.Estimate(Bounds, counts, 0.5)!.Value, 9);
    }

    [Fact]
    public void EmptyHistogram_HasNoPercentile()
    {
        Assert.Null(HistogramPercentiles.Estimate(Bounds, [0, 0, 0, 0, 0], 0.5));
    }

    [Fact]
    public void SingleBucketWithoutMinOrMax_HasNoPercentile()
    {
        // No bounds: the one bucket spans everything, so there is nothing to interpolate between.
        Assert.Null(HistogramPercentiles.Estimate([], [7], 0.5));
        Assert.Equal(15, HistogramPercentiles.Estimate([], [7], 0.5, min: 10, max: 20)!.Value, 9);
    }
}
