using Khcn.Bench.Common;
using Khcn.Tasks.V1;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Bench.Tasks;

/// <summary>
/// Realistic import records, the same for a given index on every run: Vietnamese titles built from a field's usual
/// subjects and the province's name, hosts, investigators, budgets, every level, kind, field and state (with the
/// acceptance rating each state needs). Provinces are skewed towards today's Quảng Trị so that a province filter has
/// a page 1,000: 30% of the tasks use code 44 and 26% the closed code 45 (old Quảng Trị, dated before the 2025-07-01
/// merger), which the filter <c>province_code = "44"</c> both matches; the other 44% spread over the other 33 open
/// codes and, dated before their closure, the other closed codes.
/// </summary>
public sealed class TaskGenerator(ProvinceCodes provinces)
{
    // Stream 1 of the seeded draws (the IP benchmark's assets use another).
    private const int DrawStream = 1;

    private static readonly DateOnly FirstStart = new(2016, 1, 1);
    private static readonly DateOnly LastStart = new(2026, 6, 30);

    private static readonly (TaskLevel Level, int Weight, string CodePrefix)[] Levels =
    [
        (TaskLevel.National, 8, "ĐTĐL"),
        (TaskLevel.Ministerial, 4, "ĐTB"),
        (TaskLevel.Provincial, 58, "ĐTKHCN"),
        (TaskLevel.Grassroots, 30, "ĐTCS"),
    ];

    private static readonly (TaskKind Kind, int Weight)[] Kinds =
    [
        (TaskKind.ResearchTopic, 50),
        (TaskKind.PilotProductionProject, 20),
        (TaskKind.ScienceTechnologyProject, 20),
        (TaskKind.ScientificScheme, 10),
    ];

    private static readonly (State State, int Weight)[] States =
    [
        (State.Proposed, 5),
        (State.Selected, 3),
        (State.Approved, 3),
        (State.Contracted, 4),
        (State.InProgress, 25),
        (State.Accepted, 40),
        (State.Failed, 3),
        (State.Terminated, 2),
        (State.Replicated, 15),
    ];

    private static readonly (ResearchField Field, int Weight, string[] Actions, string[] Subjects)[] Fields =
    [
        (ResearchField.Agriculture, 40,
            ["Nghiên cứu ứng dụng tiến bộ kỹ thuật sản xuất", "Xây dựng mô hình trồng", "Phục tráng và phát triển giống", "Ứng dụng công nghệ cao trong canh tác", "Nghiên cứu quy trình bảo quản, chế biến"],
            ["khoai sọ", "chè shan tuyết", "lúa chất lượng cao", "sâm", "quế", "hồi", "cây dược liệu", "cam sành", "na", "gừng đá", "dong riềng", "lan kim tuyến", "cá nước lạnh", "bò lai"]),
        (ResearchField.Industry, 10,
            ["Nghiên cứu thiết kế, chế tạo", "Hoàn thiện công nghệ sản xuất", "Ứng dụng tự động hóa trong"],
            ["máy sấy nông sản", "lò đốt rác thải sinh hoạt", "dây chuyền chế biến gỗ", "thiết bị tưới tiết kiệm nước"]),
        (ResearchField.Health, 10,
            ["Đánh giá thực trạng và giải pháp", "Nghiên cứu ứng dụng kỹ thuật", "Xây dựng quy trình"],
            ["phòng chống bệnh sốt xuất huyết", "chăm sóc sức khỏe người cao tuổi", "điều trị đột quỵ", "sàng lọc ung thư"]),
        (ResearchField.Environment, 10,
            ["Đánh giá hiện trạng và đề xuất giải pháp", "Ứng dụng chế phẩm vi sinh vật trong", "Nghiên cứu mô hình"],
            ["xử lý chất thải chăn nuôi", "quản lý tài nguyên nước", "phòng chống sạt lở", "xử lý rác thải nông thôn"]),
        (ResearchField.InformationTechnology, 10,
            ["Xây dựng hệ thống", "Ứng dụng công nghệ thông tin trong", "Chuyển đổi số"],
            ["truy xuất nguồn gốc nông sản", "quản lý nhiệm vụ khoa học và công nghệ", "dịch vụ công trực tuyến", "bản đồ số du lịch"]),
        (ResearchField.NaturalSciences, 5,
            ["Điều tra, đánh giá", "Nghiên cứu đặc điểm"],
            ["đa dạng sinh học rừng đặc dụng", "nguồn gen cây bản địa", "tài nguyên đất hiếm"]),
        (ResearchField.SocialSciencesAndHumanities, 10,
            ["Bảo tồn và phát huy", "Nghiên cứu giải pháp phát triển", "Sưu tầm, biên soạn"],
            ["văn hóa truyền thống các dân tộc thiểu số", "du lịch cộng đồng", "lễ hội dân gian", "làng nghề truyền thống"]),
        (ResearchField.Management, 5,
            ["Nghiên cứu giải pháp nâng cao hiệu quả", "Đề xuất cơ chế, chính sách"],
            ["quản lý nhà nước về khoa học và công nghệ", "hỗ trợ doanh nghiệp đổi mới công nghệ", "phát triển tài sản trí tuệ"]),
    ];

    private static readonly string[] HostPatterns =
    [
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {0}",
        "Sở Khoa học và Công nghệ {0}",
        "Sở Nông nghiệp và Phát triển nông thôn {0}",
        "Viện Khoa học Nông nghiệp Việt Nam",
        "Trường Đại học Nông Lâm",
        "Viện Khoa học và Công nghệ Việt Nam",
        "Bệnh viện Đa khoa {0}",
        "Công ty cổ phần Nông nghiệp công nghệ cao {0}",
    ];

    private readonly QuangTriSkewedProvinces _provinces = new(provinces, todaysPercent: 30, oldPercent: 26);

    /// <summary>Fixed per index, so a second import of the same range is answered ALREADY_IMPORTED.</summary>
    public static string RequestId(int index) => $"6b68636e-7461-4000-8000-{index:D12}";

    public static string TaskId(int index) => $"bench-{index:D6}";

    public ImportTasksRequest Record(int index)
    {
        var draw = new Draw(index, DrawStream);
        var province = _provinces.Pick(ref draw);
        var start = draw.DayInUse(province, FirstStart, LastStart);
        var end = start.AddMonths(draw.Between(12, 36)).AddDays(-1);
        var (level, _, codePrefix) = draw.Weighted(Levels, l => l.Weight);
        var (field, _, actions, subjects) = draw.Weighted(Fields, f => f.Weight);
        var subject = draw.Pick(subjects);
        var state = draw.Weighted(States, s => s.Weight).State;
        var stateBudget = draw.Between(100, 5_000) * 1_000_000L;

        var task = new TaskMessage
        {
            Code = $"{codePrefix}.{province.Code}.{index:D6}/{start.Year % 100:D2}",
            Title = $"{draw.Pick(actions)} {subject} tại {province.DisplayName} giai đoạn {start.Year}–{end.Year}",
            Kind = draw.Weighted(Kinds, k => k.Weight).Kind,
            Level = level,
            ProvinceCode = province.Code,
            HostOrganisation = new Organisation
            {
                DisplayName = string.Format(System.Globalization.CultureInfo.InvariantCulture, draw.Pick(HostPatterns), province.DisplayName),
                Address = province.DisplayName,
            },
            PrincipalInvestigator = VietnameseNames.Person(ref draw),
            Field = field,
            Subject = subject,
            StartDate = BenchDates.ToDate(start),
            EndDate = BenchDates.ToDate(end),
            Budget = new Budget { StateBudgetVnd = stateBudget, OtherSourcesVnd = stateBudget * draw.Between(0, 40) / 100 },
            State = state,
            AcceptanceRating = state switch
            {
                State.Accepted or State.Replicated => draw.Between(0, 3) == 0 ? AcceptanceRating.Excellent : AcceptanceRating.Pass,
                State.Failed => AcceptanceRating.Fail,
                _ => AcceptanceRating.Unspecified,
            },
        };
        task.Outputs.Add(new TaskOutput
        {
            Kind = OutputKind.Process,
            Description = $"Quy trình kỹ thuật về {subject}",
            Delivered = state is State.Accepted or State.Replicated,
        });
        return new ImportTasksRequest { RequestId = RequestId(index), TaskId = TaskId(index), Task = task };
    }
}
