namespace Khcn.IntellectualProperty.Tests.Infrastructure;

/// <summary>Valid asset messages for tests to start from, and the calls that put them into the service.</summary>
public static class TestAssets
{
    public const string Examiner = "Cục Sở hữu trí tuệ";

    /// <summary>
    /// A certification mark of Lai Châu (code 12, unchanged by the 2025 mergers) filed on 2015-03-10 for rice (Nice
    /// class 30), held by the provincial Department of Science and Technology. Every test that needs another value sets it
    /// on the returned message.
    /// </summary>
    public static Asset CertificationMark(string title = "Gạo Séng Cù Lai Châu") => new()
    {
        Kind = AssetKind.Mark,
        MarkType = MarkType.Certification,
        Title = title,
        Holder = new Holder { DisplayName = "Sở Khoa học và Công nghệ tỉnh Lai Châu", Kind = Holder.Types.Kind.StateAgency, Address = "Lai Châu" },
        ProvinceCode = "12",
        FilingDate = Day(2015, 3, 10),
        NiceClasses = { 30 },
        Representation = MarkRepresentation.Combined,
    };

    /// <summary>An invention filed on 2019-06-12 in Lạng Sơn (code 20) by a research institute.</summary>
    public static Asset Invention(string title = "Quy trình bảo quản quả na Chi Lăng") => new()
    {
        Kind = AssetKind.Invention,
        Title = title,
        Holder = new Holder { DisplayName = "Viện Nghiên cứu Rau quả", Kind = Holder.Types.Kind.ResearchOrganisation },
        ProvinceCode = "20",
        FilingDate = Day(2019, 6, 12),
    };

    /// <summary>Creates <paramref name="asset"/> (a fresh certification mark when null) and returns what the service stored.</summary>
    public static async Task<Asset> CreateAsync(
        IntellectualPropertyService.IntellectualPropertyServiceClient client, Asset? asset = null, string? assetId = null) =>
        await client.CreateAssetAsync(new CreateAssetRequest { Asset = asset ?? CertificationMark(), AssetId = assetId ?? "" });

    /// <summary>Creates an asset and walks it through examination to grant (IN_FORCE) on <paramref name="grantDate"/>.</summary>
    public static async Task<Asset> GrantedAsync(
        IntellectualPropertyService.IntellectualPropertyServiceClient client, Asset asset, Google.Type.Date grantDate, string grantNumber = "")
    {
        var created = await CreateAsync(client, asset);
        var name = created.Name;
        await client.StartAssetFormalityExaminationAsync(new StartAssetFormalityExaminationRequest { Name = name, Actor = Examiner });
        await client.AcceptAssetAsync(new AcceptAssetRequest { Name = name, Actor = Examiner });
        await client.PublishAssetAsync(new PublishAssetRequest { Name = name, Actor = Examiner, PublicationDate = asset.FilingDate });
        await client.StartAssetSubstantiveExaminationAsync(new StartAssetSubstantiveExaminationRequest { Name = name, Actor = Examiner });
        return await client.GrantAssetAsync(new GrantAssetRequest
        {
            Name = name,
            Actor = Examiner,
            GrantNumber = grantNumber.Length > 0 ? grantNumber : "GCN-" + Guid.NewGuid().ToString("N")[..8],
            GrantDate = grantDate,
        });
    }

    /// <summary>A word no other test uses, for the test to filter on (see <see cref="TestMarker"/>).</summary>
    public static string Marker(string prefix = "mk") => TestMarker.New(prefix);

    public static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
