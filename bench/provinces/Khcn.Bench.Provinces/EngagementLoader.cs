using System.Diagnostics;
using Google.Type;
using Khcn.Bench.Common;
using Khcn.Provinces.V1;

namespace Khcn.Bench.Provinces;

/// <summary>
/// Fills the service through its public API: engagements with fixed ids ("bench-000042") spread round-robin over
/// today's provinces and dated after the 2025 merger (so every code is valid on the date), plus open
/// recommendations raised at some of them.
/// </summary>
public sealed class EngagementLoader(ProvincesService.ProvincesServiceClient client)
{
    private static readonly DateOnly FirstDay = new(2025, 7, 1);
    private const int Days = 500; // up to 2026-11-12

    public static string EngagementId(int index) => $"bench-{index:D6}";

    public async Task<TimeSpan> LoadAsync(int engagements, int recommendationEvery, int concurrency)
    {
        var provinces = (await client.ListProvincesAsync(new ListProvincesRequest { PageSize = 100 })).Provinces
            .Select(p => p.Name).ToArray();
        var kinds = new[] { EngagementKind.WorkingVisit, EngagementKind.WorkingSession, EngagementKind.ReviewConference, EngagementKind.SiteVisit };

        var clock = Stopwatch.StartNew();
        await Callers.RunAsync(engagements, concurrency, async index =>
        {
            var province = provinces[index % provinces.Length];
            var day = FirstDay.AddDays(index * 7919 % Days);
            var engagement = await client.CreateEngagementAsync(new CreateEngagementRequest
            {
                EngagementId = EngagementId(index),
                Engagement = new Engagement
                {
                    Province = province,
                    Kind = kinds[index % kinds.Length],
                    Date = new Date { Year = day.Year, Month = day.Month, Day = day.Day },
                    Title = $"Buổi làm việc số {index} về khoa học và công nghệ",
                    Summary = "Đoàn công tác của Bộ làm việc với Sở Khoa học và Công nghệ về kết quả thực hiện nhiệm vụ.",
                    Source = new Source { DocumentId = $"bench-{index / 100:D4}", Title = "Bản tin tổng hợp (dữ liệu đo hiệu năng)" },
                },
            });
            if (recommendationEvery > 0 && index % recommendationEvery == 0)
            {
                await client.CreateRecommendationAsync(new CreateRecommendationRequest
                {
                    Recommendation = new Recommendation
                    {
                        Province = province,
                        Engagement = engagement.Name,
                        Addressee = Addressee.Ministry,
                        Topic = "hỗ trợ chuyển giao công nghệ",
                        Summary = $"Kiến nghị tại {engagement.Name}.",
                    },
                });
            }

            if ((index + 1) % 10_000 == 0)
            {
                Console.Error.WriteLine($"[load] {index + 1} engagements, {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        return clock.Elapsed;
    }
}
