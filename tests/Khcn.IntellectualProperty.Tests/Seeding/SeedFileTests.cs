using Khcn.Aip;
using Khcn.Tests.Seeding;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// seeds/ip as a file: strict protobuf JSON of the contract, every string NFC, fixed and unique resource names, only the
/// facts the articles give (unknown stays unknown), and SOURCES.md accounting for every record.
/// </summary>
public sealed class SeedFileTests
{
    /// <summary>seed-002: "35 nhãn hiệu được cấp văn bằng bảo hộ, trong đó có 7 nhãn hiệu chứng nhận".</summary>
    private const int LaiChauCertificationMarks = 7;

    private const string LaiChau = "12";
    private const string LangSon = "20";

    [Fact]
    public void Every_string_and_property_name_in_the_seed_file_is_NFC() => SeedFileChecks.AssertEveryStringIsNfc(IpSeedFiles.AssetsPath);

    [Fact]
    public void Every_seed_asset_has_a_unique_fixed_name_a_title_and_a_province_code()
    {
        var assets = IpSeedFiles.Assets();

        Assert.NotEmpty(assets);
        Assert.All(assets, a =>
        {
            Assert.True(
                FixedResourceName.IsValid(a.Name, "assets"),
                $"\"{a.Name}\" is not assets/{{id}} with an AIP-122 id.");
            Assert.False(string.IsNullOrWhiteSpace(a.Title), $"{a.Name} has no title.");
            Assert.Matches("^[0-9]{2}$", a.ProvinceCode);
        });
        Assert.Equal(assets.Count, assets.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void No_seed_asset_claims_a_date_number_holder_or_class_the_articles_do_not_give()
    {
        // Neither seed-000 nor seed-002 dates a filing or grant, numbers an application or certificate, names a holder or
        // a Nice class: a value here would be invented.
        Assert.All(IpSeedFiles.Assets(), a =>
        {
            Assert.Null(a.FilingDate);
            Assert.Equal("", a.ApplicationNumber);
            Assert.Null(a.Holder);
            Assert.Empty(a.NiceClasses);
            Assert.Equal(MarkRepresentation.Unspecified, a.Representation);
            Assert.Null(a.Priority);
            Assert.Null(a.Ocop);
            Assert.Equal("", a.OriginTask);
            // Output-only: the lifecycle sets them, a seed cannot.
            Assert.Null(a.PublicationDate);
            Assert.Equal("", a.GrantNumber);
            Assert.Null(a.GrantDate);
            Assert.Null(a.ExpiryDate);
            Assert.Equal(0, a.RenewalCount);
            Assert.Equal("", a.Etag);
        });
    }

    [Fact]
    public void Lai_Chau_has_the_seven_certification_marks_in_force_that_seed_002_lists()
    {
        var laiChau = IpSeedFiles.Assets().Where(a => a.ProvinceCode == LaiChau).ToList();

        Assert.Equal(LaiChauCertificationMarks, laiChau.Count);
        Assert.All(laiChau, a =>
        {
            Assert.Equal(AssetKind.Mark, a.Kind);
            Assert.Equal(MarkType.Certification, a.MarkType);
            // "được cấp văn bằng bảo hộ": granted, so protected on the source date.
            Assert.Equal(State.InForce, a.State);
        });
        Assert.Equal(LaiChauCertificationMarks, laiChau.Select(a => TextFolding.Fold(a.Title)).Distinct().Count());
    }

    [Fact]
    public void Lang_Son_specialties_have_no_kind_or_state_because_seed_000_names_no_right()
    {
        var langSon = IpSeedFiles.Assets().Where(a => a.ProvinceCode == LangSon).ToList();

        Assert.NotEmpty(langSon);
        Assert.All(langSon, a =>
        {
            Assert.Equal(AssetKind.Unspecified, a.Kind);
            Assert.Equal(MarkType.Unspecified, a.MarkType);
            Assert.Equal(State.Unspecified, a.State);
        });
    }

    [Fact]
    public void Sources_md_says_where_every_record_comes_from() =>
        SeedFileChecks.AssertSourcesNameEveryRecord(IpSeedFiles.SourcesPath, IpSeedFiles.Assets().Select(a => a.Name));
}
