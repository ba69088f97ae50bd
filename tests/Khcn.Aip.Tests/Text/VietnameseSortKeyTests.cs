using System.Text;
using Khcn.Aip;

namespace Khcn.Aip.Tests.Text;

public sealed class VietnameseSortKeyTests
{
    // The 63 provincial units before the 1 July 2025 merger, in no particular order.
    private static readonly string[] Provinces =
    [
        "Quảng Trị", "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
        "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
        "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
        "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
        "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
        "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Sóc Trăng", "Sơn La",
        "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh",
        "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ];

    private static List<string> Sorted(IEnumerable<string> names) =>
        [.. names.OrderBy(VietnameseSortKey.For, StringComparer.Ordinal)];

    [Theory]
    [InlineData("Bà Rịa - Vũng Tàu", "Bạc Liêu")]
    [InlineData("Bạc Liêu", "Bắc Giang")]
    [InlineData("Bắc Giang", "Bắc Kạn")]
    [InlineData("Bắc Ninh", "Bến Tre")]
    [InlineData("Bình Dương", "Bình Định")]
    [InlineData("Cà Mau", "Cao Bằng")]
    [InlineData("Cao Bằng", "Cần Thơ")]
    [InlineData("Duy Tiên", "Đà Nẵng")]
    [InlineData("Đà Nẵng", "Đắk Lắk")]
    [InlineData("Đắk Nông", "Điện Biên")]
    [InlineData("Điện Biên", "Đồng Nai")]
    [InlineData("Hà Tĩnh", "Hải Dương")]
    [InlineData("Hải Phòng", "Hậu Giang")]
    [InlineData("Hòa Bình", "Hưng Yên")]
    [InlineData("Lai Châu", "Lạng Sơn")]
    [InlineData("Lào Cai", "Lâm Đồng")]
    [InlineData("Quảng Ngãi", "Quảng Ninh")]
    [InlineData("Sóc Trăng", "Sơn La")]
    [InlineData("Tây Ninh", "Thái Bình")]
    [InlineData("Thanh Hóa", "Thành phố Hồ Chí Minh")]
    [InlineData("Thành phố Hồ Chí Minh", "Thừa Thiên Huế")]
    [InlineData("Thừa Thiên Huế", "Tiền Giang")]
    [InlineData("An Giang", "Ăn Giang")]
    [InlineData("Ăn Giang", "Ân Thi")]
    [InlineData("Vĩnh Phúc", "Yên Bái")]
    [InlineData("Xuân", "Yên")]
    [InlineData("Ea", "Fa")]
    [InlineData("Ên", "Fa")]
    [InlineData("Fa", "Ga")]
    public void First_sorts_before_second(string first, string second)
    {
        Assert.True(
            string.CompareOrdinal(VietnameseSortKey.For(first), VietnameseSortKey.For(second)) < 0,
            $"expected '{first}' before '{second}'");
    }

    [Fact]
    public void Tones_order_none_huyen_hoi_nga_sac_nang()
    {
        string[] expected = ["ma", "mà", "mả", "mã", "má", "mạ"];

        Assert.Equal(expected, Sorted(expected.Reverse()));
    }

    [Fact]
    public void Tones_only_break_ties_of_the_letters()
    {
        // "mạ" has the heaviest tone yet comes first: its letters are a prefix of the others.
        // "mà b" then precedes "mab" because a space sorts before any letter, whatever the tones.
        Assert.Equal(["mạ", "mà b", "mab"], Sorted(["mab", "mà b", "mạ"]));
    }

    [Fact]
    public void Shorter_prefix_sorts_first()
    {
        Assert.Equal(["An", "An Giang", "Anh"], Sorted(["Anh", "An Giang", "An"]));
    }

    [Fact]
    public void Case_punctuation_and_normalization_do_not_matter()
    {
        var key = VietnameseSortKey.For("Bà Rịa Vũng Tàu");

        Assert.Equal(key, VietnameseSortKey.For("BÀ RỊA - VŨNG TÀU"));
        Assert.Equal(key, VietnameseSortKey.For("  bà rịa–vũng   tàu ".Replace('–', ' ')));
        Assert.Equal(key, VietnameseSortKey.For("Bà Rịa Vũng Tàu".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Keys_are_ascii_letters_and_digits_only()
    {
        Assert.All(Provinces, name => Assert.All(VietnameseSortKey.For(name).ToCharArray(), c => Assert.True(char.IsAsciiLetterOrDigit(c), name)));
    }

    [Fact]
    public void Province_list_sorts_in_dictionary_order()
    {
        var sorted = Sorted(Provinces);

        Assert.Equal(63, sorted.Distinct().Count());
        Assert.Equal("An Giang", sorted[0]);
        Assert.Equal("Yên Bái", sorted[^1]);
        Assert.Equal(["Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre"], sorted.GetRange(1, 6));
        Assert.Equal(["Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp"], sorted.GetRange(11, 9));
        Assert.Equal(["Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An"], sorted.GetRange(sorted.IndexOf("Lai Châu"), 5));
        Assert.Equal(["Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị"], sorted.GetRange(sorted.IndexOf("Quảng Bình"), 5));
        Assert.Equal(["Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thành phố Hồ Chí Minh", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang"],
            sorted.GetRange(sorted.IndexOf("Tây Ninh"), 9));
    }

    [Fact]
    public void Digits_sort_after_space_and_before_letters()
    {
        Assert.Equal(["Khu 1", "Khu 2", "Khu A", "Khu B", "KhuA"], Sorted(["KhuA", "Khu B", "Khu 2", "Khu A", "Khu 1"]));
    }
}
