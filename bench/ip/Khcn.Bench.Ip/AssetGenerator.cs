using System.Globalization;
using Khcn.Bench.Common;
using Khcn.IntellectualProperty.V1;
using HolderKind = Khcn.IntellectualProperty.V1.Holder.Types.Kind;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.Bench.Ip;

/// <summary>
/// Realistic assets, the same for a given index on every run: Vietnamese titles built from a kind's usual subjects and
/// the province's name, holders of the kinds that file them, Nice classes for marks, filing dates 2005–2025 on which the
/// province code was in use, and (for the rows written directly) a lifecycle state with the publication and grant dates
/// and renewals it implies. Provinces are skewed towards today's Quảng Trị so that a province filter has many pages:
/// 15% of the assets use code 44 and 10% the closed code 45 (old Quảng Trị, filed before the 2025-07-01 merger), which
/// <c>province_code = "44"</c> both matches; the rest spread over the other open and closed codes.
/// </summary>
public sealed class AssetGenerator(ProvinceCodes provinces, DateOnly today)
{
    // Stream 7 of the seeded draws (the Tasks benchmark's tasks use another).
    private const int DrawStream = 7;

    private static readonly DateOnly FirstFiling = new(2005, 1, 1);

    private static readonly (AssetKind Kind, int Weight)[] Kinds =
    [
        (AssetKind.Mark, 55),
        (AssetKind.GeographicalIndication, 3),
        (AssetKind.Invention, 12),
        (AssetKind.UtilitySolution, 10),
        (AssetKind.IndustrialDesign, 20),
    ];

    private static readonly (MarkType Type, int Weight)[] MarkTypes =
    [
        (MarkType.Ordinary, 60),
        (MarkType.Collective, 20),
        (MarkType.Certification, 12),
        (MarkType.Associated, 5),
        (MarkType.WellKnown, 3),
    ];

    /// <summary>Where an application stands; granted states are drawn only for filings old enough to have been granted.</summary>
    private static readonly (State State, int Weight)[] States =
    [
        (State.Filed, 4),
        (State.FormalityExamination, 5),
        (State.AcceptedAsValid, 5),
        (State.Published, 5),
        (State.SubstantiveExamination, 10),
        (State.InForce, 50),
        (State.Refused, 8),
        (State.Withdrawn, 4),
        (State.Expired, 5),
        (State.Terminated, 3),
        (State.Invalidated, 1),
    ];

    private static readonly (string Product, int NiceClass)[] Products =
    [
        ("Gạo", 30), ("Chè shan tuyết", 30), ("Chè", 30), ("Cà phê", 30), ("Miến dong", 30), ("Mật ong", 30),
        ("Bưởi", 31), ("Cam", 31), ("Na", 31), ("Vải thiều", 31), ("Hồi", 31), ("Quế", 31), ("Gừng", 31),
        ("Rượu", 33), ("Nước mắm", 30), ("Thịt trâu gác bếp", 29), ("Cá", 29), ("Thổ cẩm", 24), ("Gốm", 21),
        ("Sâm", 5), ("Du lịch cộng đồng", 39), ("Nhà hàng", 43),
    ];

    private static readonly string[] InventionActions =
    [
        "Quy trình sản xuất", "Phương pháp bảo quản", "Quy trình chiết xuất hoạt chất từ", "Chế phẩm sinh học xử lý",
        "Thiết bị sấy", "Hệ thống tưới tự động cho", "Phương pháp nhân giống", "Máy bóc vỏ",
    ];

    private static readonly string[] InventionSubjects =
    [
        "quả na", "gừng đá", "chè shan tuyết", "sâm Lai Châu", "quế", "hồi", "tinh dầu sả", "cà phê", "lúa gạo",
        "phụ phẩm nông nghiệp", "chất thải chăn nuôi", "dong riềng", "lan kim tuyến", "cá nước lạnh",
    ];

    private static readonly string[] DesignObjects =
    [
        "Bao bì", "Hộp đựng", "Chai đựng", "Nhãn sản phẩm", "Túi đựng", "Bình gốm", "Giỏ mây tre đan",
    ];

    private static readonly string[] EnterpriseNames = ["Hưng Phát", "Thành Công", "Đại Việt", "Minh Long", "An Khang", "Tân Tiến", "Phúc Lộc", "Hoàng Gia"];
    private readonly QuangTriSkewedProvinces _provinces = new(provinces, todaysPercent: 15, oldPercent: 10);

    public static string AssetId(int index) => $"bench-{index:D6}";

    /// <summary>Fixed per index, so a rerun of the CreateAsset phase answers the first result.</summary>
    public static string RequestId(int index) => $"6b68636e-6970-4000-8000-{index:D12}";

    /// <summary>The asset as a client files it (CreateAsset): descriptive fields only, state FILED.</summary>
    public Asset Filing(int index) => Generate(index).Asset;

    /// <summary>The asset with a lifecycle state and the lifecycle's dates, for the rows written directly.</summary>
    public GeneratedAsset Generate(int index)
    {
        var draw = new Draw(index, DrawStream);
        var province = _provinces.Pick(ref draw);
        var filing = draw.DayInUse(province, FirstFiling, today);
        var kind = draw.Weighted(Kinds, k => k.Weight).Kind;
        var asset = new Asset
        {
            Kind = kind,
            ProvinceCode = province.Code,
            ApplicationNumber = $"{ApplicationPrefix(kind)}-{filing.Year}-{index:D5}",
            FilingDate = BenchDates.ToDate(filing),
        };
        var place = province.DisplayName;
        switch (kind)
        {
            case AssetKind.Mark:
                var (product, niceClass) = draw.Pick(Products);
                asset.MarkType = draw.Weighted(MarkTypes, m => m.Weight).Type;
                asset.Title = asset.MarkType is MarkType.Certification or MarkType.Collective
                    ? $"{product} {place}"
                    : $"{product} {draw.Pick(EnterpriseNames)}";
                asset.NiceClasses.Add(niceClass);
                if (draw.Between(0, 3) == 0)
                {
                    asset.NiceClasses.Add(niceClass == 35 ? 30 : 35);
                }

                asset.Representation = (MarkRepresentation)draw.Between(1, 3);
                asset.Holder = asset.MarkType switch
                {
                    MarkType.Certification => StateAgency(place),
                    MarkType.Collective => new Holder { DisplayName = $"Hợp tác xã {product} {place}", Kind = HolderKind.Cooperative, Address = place },
                    _ => Enterprise(ref draw, place),
                };
                if (draw.Between(0, 9) == 0)
                {
                    asset.Ocop = new OcopRating { Stars = draw.Between(3, 5), CertifiedDate = BenchDates.ToDate(draw.Day(filing, today)) };
                }

                break;
            case AssetKind.GeographicalIndication:
                asset.Title = $"{draw.Pick(Products).Product} {place}";
                asset.Holder = new Holder { DisplayName = $"Ủy ban nhân dân tỉnh {place}", Kind = HolderKind.StateAgency, Address = place };
                break;
            case AssetKind.Invention or AssetKind.UtilitySolution:
                asset.Title = $"{draw.Pick(InventionActions)} {draw.Pick(InventionSubjects)}";
                asset.Holder = draw.Between(0, 2) switch
                {
                    0 => new Holder { DisplayName = $"Viện Nghiên cứu {draw.Pick(InventionSubjects)}", Kind = HolderKind.ResearchOrganisation },
                    1 => Enterprise(ref draw, place),
                    _ => Individual(ref draw, place),
                };
                break;
            default:
                asset.Title = $"{draw.Pick(DesignObjects)} {draw.Pick(Products).Product.ToLower(CultureInfo.GetCultureInfo("vi-VN"))}";
                asset.Holder = draw.Between(0, 1) == 0 ? Enterprise(ref draw, place) : Individual(ref draw, place);
                break;
        }

        return WithLifecycle(asset, filing, ref draw);
    }

    private GeneratedAsset WithLifecycle(Asset asset, DateOnly filing, ref Draw draw)
    {
        var state = draw.Weighted(States, s => s.Weight).State;
        var granted = state is State.InForce or State.Expired or State.Terminated or State.Invalidated;
        // Grant takes 1–3 years: a filing too recent for that is still pending.
        if (granted && filing.AddYears(3) > today)
        {
            state = State.SubstantiveExamination;
            granted = false;
        }

        var published = granted || state is State.Published or State.SubstantiveExamination
            || (state is State.Refused or State.Withdrawn && draw.Between(0, 1) == 0);
        var publication = published ? BenchDates.Min(filing.AddMonths(draw.Between(2, 8)), today) : (DateOnly?)null;
        var grant = granted ? BenchDates.Min(publication!.Value.AddMonths(draw.Between(8, 26)), today) : (DateOnly?)null;
        var renewals = granted ? Renewals(asset.Kind, filing, ref state) : 0;
        return new GeneratedAsset(asset, state, publication, grant, grant is null ? "" : $"GCN-{asset.ApplicationNumber}", renewals);
    }

    /// <summary>Renewals that keep an in-force asset in its term today; a kind that cannot renew that far has expired.</summary>
    private int Renewals(AssetKind kind, DateOnly filing, ref State state)
    {
        var (first, step, max) = kind switch
        {
            AssetKind.Mark => (10, 10, int.MaxValue),
            AssetKind.IndustrialDesign => (5, 5, 2),
            AssetKind.Invention => (20, 0, 0),
            AssetKind.UtilitySolution => (10, 0, 0),
            _ => (0, 0, 0),
        };
        if (first == 0 || state != State.InForce)
        {
            return 0;
        }

        var renewals = 0;
        var expiry = filing.AddYears(first);
        while (expiry < today && renewals < max)
        {
            expiry = expiry.AddYears(step);
            renewals++;
        }

        if (expiry < today)
        {
            state = State.Expired;
        }

        return renewals;
    }

    private static string ApplicationPrefix(AssetKind kind) => kind switch
    {
        AssetKind.Invention => "1",
        AssetKind.UtilitySolution => "2",
        AssetKind.IndustrialDesign => "3",
        AssetKind.Mark => "4",
        _ => "6",
    };

    private static Holder StateAgency(string place) =>
        new() { DisplayName = $"Sở Khoa học và Công nghệ tỉnh {place}", Kind = HolderKind.StateAgency, Address = place };

    private static Holder Enterprise(ref Draw draw, string place) =>
        new() { DisplayName = $"Công ty TNHH {draw.Pick(EnterpriseNames)} {place}", Kind = HolderKind.Enterprise, Address = place };

    private static Holder Individual(ref Draw draw, string place) => new()
    {
        DisplayName = VietnameseNames.Person(ref draw),
        Kind = HolderKind.Individual,
        Address = place,
    };
}

/// <summary>A generated asset with the lifecycle facts the rows written directly carry.</summary>
public sealed record GeneratedAsset(Asset Asset, State State, DateOnly? PublicationDate, DateOnly? GrantDate, string GrantNumber, int RenewalCount);
