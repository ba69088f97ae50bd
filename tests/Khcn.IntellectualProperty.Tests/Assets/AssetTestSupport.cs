using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>Set-up and read-back steps shared by the Asset resource's tests.</summary>
internal static class AssetTestSupport
{
    /// <summary>A certification mark titled with <paramref name="marker"/>, so filters on the marker find only it.</summary>
    public static Asset Marked(string marker, string title = "Gạo Séng Cù Lai Châu") => CertificationMark($"{title} {marker}");

    /// <summary>An invention titled with <paramref name="marker"/>.</summary>
    public static Asset MarkedInvention(string marker, string title = "Quy trình bảo quản quả na Chi Lăng") => Invention($"{title} {marker}");

    /// <summary>A marked certification mark filed on <paramref name="filed"/>.</summary>
    public static Asset Filed(string marker, Google.Type.Date filed)
    {
        var asset = Marked(marker);
        asset.FilingDate = filed;
        return asset;
    }

    /// <summary>A marked certification mark of the province <paramref name="provinceCode"/>, filed on <paramref name="filed"/>.</summary>
    public static Asset InProvince(string marker, string provinceCode, Google.Type.Date filed)
    {
        var asset = Filed(marker, filed);
        asset.ProvinceCode = provinceCode;
        return asset;
    }

    /// <summary>A fresh AIP-122 asset id.</summary>
    public static string NewAssetId() => "asset-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>An application number no other test uses, in the IP Office's "4-yyyy-nnnnn" shape.</summary>
    public static string NewApplicationNumber() => "4-2015-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The names of the assets matching <paramref name="filter"/>, in list order (one page of up to 1000).</summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(
        IntellectualPropertyService.IntellectualPropertyServiceClient client, string filter, string orderBy = "")
    {
        var response = await client.ListAssetsAsync(new ListAssetsRequest { Filter = filter, OrderBy = orderBy, PageSize = 1000 });
        return [.. response.Assets.Select(a => a.Name)];
    }

    /// <summary>The asset's history, oldest first.</summary>
    public static async Task<IReadOnlyList<AssetEvent>> EventsAsync(
        IntellectualPropertyService.IntellectualPropertyServiceClient client, string assetName)
    {
        var response = await client.ListAssetEventsAsync(new ListAssetEventsRequest { Parent = assetName, PageSize = 1000 });
        return response.AssetEvents;
    }

    public static string[] Sorted(params Asset[] assets) => [.. assets.Select(a => a.Name).Order(StringComparer.Ordinal)];
}
