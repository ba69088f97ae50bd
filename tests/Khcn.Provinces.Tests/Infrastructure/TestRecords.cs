using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Khcn.Provinces.Data;
using Khcn.Provinces.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Provinces.Tests.Infrastructure;

/// <summary>
/// Builders for the records these tests create. The service starts with the seeds loaded, so every test
/// makes its own records under fresh ids and looks only at those.
/// </summary>
internal static class TestRecords
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Engagement NewEngagement(string province, Date date, string title = "Buổi làm việc thử nghiệm") => new()
    {
        Province = province,
        Kind = EngagementKind.WorkingSession,
        Date = date,
        Title = title,
        Chair = "officials/chu-ngoc-anh",
        Source = new Source { DocumentId = "test-doc", Title = "Bài viết thử nghiệm", Author = "Phóng viên" },
        Summary = "Our own summary.",
    };

    public static async Task<Engagement> CreateEngagementAsync(
        ProvincesService.ProvincesServiceClient client, string province, Date date, string title = "Buổi làm việc thử nghiệm") =>
        await client.CreateEngagementAsync(new CreateEngagementRequest
        {
            EngagementId = NewId("eng"),
            Engagement = NewEngagement(province, date, title),
        });

    public static FieldMask Mask(params string[] paths)
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(paths);
        return mask;
    }

    /// <summary>Counts rows straight in the service's database: what a retried create must not duplicate.</summary>
    public static async Task<int> CountRowsAsync(ProvincesServiceFixture service, Func<ProvincesDbContext, Task<int>> count)
    {
        await using var scope = service.Host.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<ProvincesDbContext>());
    }
}
