using Khcn.Bench.Common;
using Khcn.IntellectualProperty.V1;
using Dimension = Khcn.IntellectualProperty.V1.SummarizeAssetsRequest.Types.Dimension;

namespace Khcn.Bench.Ip;

/// <summary>The read calls measured, each one call per invocation, and the page tokens they need.</summary>
public sealed class ListScenarios(IntellectualPropertyService.IntellectualPropertyServiceClient client)
{
    public const int PageSize = 50;
    public const int DeepPage = 1_000;

    public const string ProvinceFilter = $"province_code = \"{QuangTriSkewedProvinces.TodaysQuangTri}\"";

    /// <summary>Bare text, matched against titles, holders and numbers ignoring case and diacritics ("Chè shan tuyết").</summary>
    public const string TextFilter = "\"che shan tuyet\"";

    /// <summary>Named calls; the deep page needs its token first (<see cref="TokenOfPageAsync"/>).</summary>
    public IReadOnlyList<(string Name, Func<int, Task> Call)> All(string deepToken) =>
    [
        ("ListAssets page 1", _ => ListAsync("", "")),
        ($"ListAssets page {DeepPage:N0}", _ => ListAsync("", deepToken)),
        ($"ListAssets `{ProvinceFilter}`, page 1", _ => ListAsync(ProvinceFilter, "")),
        ($"ListAssets `{TextFilter}`, page 1", _ => ListAsync(TextFilter, "")),
        ("SummarizeAssets by KIND, STATE (country)", async _ =>
            await client.SummarizeAssetsAsync(new SummarizeAssetsRequest { GroupBy = { Dimension.Kind, Dimension.State } })),
        ($"SummarizeAssets by FILING_YEAR (province {QuangTriSkewedProvinces.TodaysQuangTri} with 45)", async _ =>
            await client.SummarizeAssetsAsync(new SummarizeAssetsRequest
            {
                ProvinceCodes = { QuangTriSkewedProvinces.TodaysQuangTri },
                GroupBy = { Dimension.FilingYear },
            })),
    ];

    /// <summary>
    /// Follows next_page_token from page 1 to <paramref name="page"/> (default order, <see cref="PageSize"/> a page) and
    /// returns the token that asks for it, after checking that page is full.
    /// </summary>
    public async Task<string> TokenOfPageAsync(string filter, int page)
    {
        var request = new ListAssetsRequest { Filter = filter, PageSize = PageSize };
        for (var current = 1; current < page; current++)
        {
            var response = await client.ListAssetsAsync(request);
            if (response.NextPageToken.Length == 0)
            {
                throw new InvalidOperationException($"ListAssets \"{filter}\" ended at page {current} ({response.TotalSize} assets); load more assets.");
            }

            request.PageToken = response.NextPageToken;
        }

        var deep = await client.ListAssetsAsync(request);
        if (deep.Assets.Count != PageSize)
        {
            throw new InvalidOperationException($"ListAssets \"{filter}\" page {page} has {deep.Assets.Count} assets, not {PageSize}.");
        }

        return request.PageToken;
    }

    private async Task ListAsync(string filter, string pageToken)
    {
        var response = await client.ListAssetsAsync(new ListAssetsRequest { Filter = filter, PageToken = pageToken, PageSize = PageSize });
        if (response.Assets.Count != PageSize)
        {
            throw new InvalidOperationException($"expected a full page of {PageSize}, got {response.Assets.Count}");
        }
    }
}
