namespace Khcn.Bench.Common;

/// <summary>Plausible Vietnamese personal names (family, middle, given) for investigators and holders.</summary>
public static class VietnameseNames
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thanh", "Quốc", "Thu", "Hữu"];
    private static readonly string[] GivenNames = ["An", "Bình", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quỳnh", "Sơn", "Thảo", "Tiến", "Trang"];

    /// <summary>Three draws, in the order family, middle, given.</summary>
    public static string Person(ref Draw draw) => $"{draw.Pick(FamilyNames)} {draw.Pick(MiddleNames)} {draw.Pick(GivenNames)}";
}
