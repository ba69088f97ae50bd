using Grpc.Core;
using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using Khcn.Tasks.V1;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Services.Tests.Security;

/// <summary>Valid records for the province-write tests, each with a unique marker so tests do not see each other's.</summary>
public static class ProvinceWriteRecords
{
    public static string Marker() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A provincial research topic in <paramref name="provinceCode"/>, started in 2023 (before the 2025 mergers).</summary>
    public static TaskMessage Topic(string provinceCode, string marker) => new()
    {
        Code = $"PW-{marker}",
        Title = $"Đề tài thử quyền ghi {marker}",
        Kind = TaskKind.ResearchTopic,
        Level = TaskLevel.Provincial,
        ProvinceCode = provinceCode,
        HostOrganisation = new Organisation { DisplayName = "Trung tâm Ứng dụng tiến bộ KH&CN", Address = "Việt Nam" },
        PrincipalInvestigator = "Nguyễn Văn An",
        Field = ResearchField.Agriculture,
        Subject = "thử nghiệm",
        StartDate = new Google.Type.Date { Year = 2023, Month = 3, Day = 1 },
        EndDate = new Google.Type.Date { Year = 2024, Month = 12, Day = 31 },
        Budget = new Budget { StateBudgetVnd = 500_000_000 },
    };

    public static Asset CertificationMark(string provinceCode, string marker) => new()
    {
        Kind = AssetKind.Mark,
        MarkType = MarkType.Certification,
        Title = $"Nhãn hiệu thử quyền ghi {marker}",
        Holder = new Holder { DisplayName = "Sở Khoa học và Công nghệ", Kind = Holder.Types.Kind.StateAgency, Address = "Việt Nam" },
        ProvinceCode = provinceCode,
        FilingDate = new Google.Type.Date { Year = 2015, Month = 3, Day = 10 },
        NiceClasses = { 30 },
        Representation = MarkRepresentation.Combined,
    };

    public static Engagement WorkingSession(string province, Google.Type.Date date, string marker) => new()
    {
        Province = province,
        Kind = EngagementKind.WorkingSession,
        Date = date,
        Title = $"Buổi làm việc thử quyền ghi {marker}",
        Source = new Source { DocumentId = "test-doc", Title = "Bài viết thử nghiệm", Author = "Phóng viên" },
        Summary = "Our own summary.",
    };

    public static Google.Protobuf.WellKnownTypes.FieldMask Mask(params string[] paths)
    {
        var mask = new Google.Protobuf.WellKnownTypes.FieldMask();
        mask.Paths.AddRange(paths);
        return mask;
    }

    /// <summary>The refusal of <paramref name="call"/>: PERMISSION_DENIED with ErrorInfo in the suite's domain.</summary>
    public static Task<Google.Rpc.ErrorInfo> RefusedAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        SecuredCalls.RefusedAsync(StatusCode.PermissionDenied, call);
}
