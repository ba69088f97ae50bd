using Khcn.Tasks.V1;

namespace Khcn.Tasks.Tests.Programmes;

/// <summary>Valid programme messages for the programme tests, each marked so filters find only the test's own rows.</summary>
internal static class TestProgrammes
{
    /// <summary>A provincial programme of Lai Châu (12, unchanged by the mergers), 2021–2025, named and coded with <paramref name="marker"/>.</summary>
    public static Programme Provincial(string marker) => new()
    {
        Code = $"CT.{marker.ToUpperInvariant()}",
        DisplayName = $"Chương trình ứng dụng khoa học và công nghệ tỉnh Lai Châu {marker}",
        Level = TaskLevel.Provincial,
        StartYear = 2021,
        EndYear = 2025,
        ManagingBody = "Sở Khoa học và Công nghệ Lai Châu",
        ProvinceCode = "12",
    };

    /// <summary>A fresh AIP-122 programme id.</summary>
    public static string NewId() => "programme-" + Guid.NewGuid().ToString("N")[..16];

    public static async Task<Programme> CreateAsync(TasksService.TasksServiceClient client, Programme programme, string? id = null) =>
        await client.CreateProgrammeAsync(new CreateProgrammeRequest { Programme = programme, ProgrammeId = id ?? "" });
}
