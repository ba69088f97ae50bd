using Khcn.Provinces.V1;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>What every overview of today's Quảng Trị (44) holds, whatever its dependencies did.</summary>
public static class OverviewAssertions
{
    public const string QuangTri = "provinces/44";

    // The seeded 2023 working session predates the 2025 merger, so it is filed under the closed code 45.
    public const string QuangTri2023Session = "engagements/quang-tri-2023-11-29-working-session";

    public static GetProvinceOverviewRequest QuangTriOverview { get; } = new() { Name = $"{QuangTri}/overview" };

    public static void HoldsTheLocalParts(ProvinceOverview overview)
    {
        Assert.Equal($"{QuangTri}/overview", overview.Name);
        Assert.Equal(QuangTri, overview.Province.Name);
        Assert.Equal($"{QuangTri}/department", overview.Department?.Name);
        Assert.Equal(QuangTri2023Session, overview.LatestEngagement?.Name);
        Assert.Equal("provinces/45", overview.LatestEngagement!.Province);
        Assert.Contains(overview.OpenRecommendations, r => r.Engagement == QuangTri2023Session);
        Assert.NotNull(overview.ComputeTime);
    }

    public static MissingPart SingleMissing(ProvinceOverview overview, string part) =>
        Assert.Single(overview.MissingParts, missing => missing.Part == part);
}
