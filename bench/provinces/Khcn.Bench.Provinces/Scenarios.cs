using Khcn.Provinces.V1;

namespace Khcn.Bench.Provinces;

/// <summary>The read paths measured, each one call per invocation (the index picks the record where it matters).</summary>
public sealed class Scenarios(ProvincesService.ProvincesServiceClient client, int engagements)
{
    public const int DeepOffset = 50_000;

    /// <summary>Named calls; the deep page needs its token first (<see cref="DeepPageTokenAsync"/>).</summary>
    public IReadOnlyList<(string Name, Func<int, Task> Call)> All(string deepPageToken) =>
    [
        ("GetEngagement (random id)", async index =>
            await client.GetEngagementAsync(new GetEngagementRequest { Name = $"engagements/{EngagementLoader.EngagementId(Pick(index))}" })),
        ("ListEngagements first page (50)", async _ =>
            await client.ListEngagementsAsync(new ListEngagementsRequest())),
        ("ListEngagements province = \"provinces/20\" (50)", async _ =>
            await client.ListEngagementsAsync(new ListEngagementsRequest { Filter = "province = \"provinces/20\"" })),
        ($"ListEngagements page at offset {DeepOffset:N0} (50)", async _ =>
            await client.ListEngagementsAsync(new ListEngagementsRequest { PageToken = deepPageToken })),
        ("ListRecommendations open = true (50)", async _ =>
            await client.ListRecommendationsAsync(new ListRecommendationsRequest { Filter = "open = true" })),
        ("GetProvince provinces/44", async _ =>
            await client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/44" })),
        ("ListProvinces (default)", async _ =>
            await client.ListProvincesAsync(new ListProvincesRequest())),
    ];

    /// <summary>Walks the default listing with page tokens (1000 a page) to the token of the page at <see cref="DeepOffset"/>.</summary>
    public async Task<string> DeepPageTokenAsync()
    {
        var request = new ListEngagementsRequest { PageSize = 1000 };
        for (var offset = 0; offset < DeepOffset; offset += 1000)
        {
            var page = await client.ListEngagementsAsync(request);
            if (page.NextPageToken.Length == 0)
            {
                throw new InvalidOperationException($"The listing ended at offset {offset + page.Engagements.Count}; load at least {DeepOffset + 50} engagements.");
            }

            request.PageToken = page.NextPageToken;
        }

        return request.PageToken;
    }

    // A fixed pseudo-random walk over the loaded ids: every run asks for the same records in the same order.
    private int Pick(int index) => (int)((index * 2_654_435_761L + 12_345) % engagements);
}
