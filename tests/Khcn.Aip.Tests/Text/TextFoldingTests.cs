using System.Text;
using Khcn.Aip;

namespace Khcn.Aip.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("  QUẢNG   TRỊ ", "quang tri")]
    [InlineData("Lạng Sơn", "lang son")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("đồng ĐỒNG", "dong dong")]
    [InlineData("Thừa Thiên\tHuế\n", "thua thien hue")]
    [InlineData("Sâm Lai Châu", "sam lai chau")]
    [InlineData("gạo Séng Cù", "gao seng cu")]
    [InlineData("ISO 9001", "iso 9001")]
    public void Folding_drops_case_diacritics_and_extra_whitespace(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_folds_to_empty(string? text)
    {
        Assert.Equal("", TextFolding.Fold(text));
    }

    [Fact]
    public void Nfc_and_nfd_inputs_fold_alike()
    {
        const string name = "Bắc Kạn – Điện Biên Phủ";

        Assert.Equal(TextFolding.Fold(name.Normalize(NormalizationForm.FormC)), TextFolding.Fold(name.Normalize(NormalizationForm.FormD)));
        Assert.Equal("bac kan – dien bien phu", TextFolding.Fold(name.Normalize(NormalizationForm.FormD)));
    }
}
