using Khcn.Bench.Common;
using Khcn.Tasks.V1;
using Dimension = Khcn.Tasks.V1.SummarizeTasksRequest.Types.Dimension;

namespace Khcn.Bench.Tasks;

/// <summary>The read calls measured, each one call per invocation, and the page tokens they need.</summary>
public sealed class ListScenarios(TasksService.TasksServiceClient client)
{
    public const int PageSize = 50;
    public const int DeepPage = 1_000;

    public const string ProvinceFilter = $"province_code = \"{QuangTriSkewedProvinces.TodaysQuangTri}\"";

    /// <summary>Named calls; the deep pages need their tokens first (<see cref="TokenOfPageAsync"/>).</summary>
    public IReadOnlyList<(string Name, Func<int, Task> Call)> All(string deepToken, string deepFilteredToken) =>
    [
        ("ListTasks page 1", _ => ListAsync("", "")),
        ($"ListTasks page {DeepPage:N0}", _ => ListAsync("", deepToken)),
        ($"ListTasks {ProvinceFilter}, page 1", _ => ListAsync(ProvinceFilter, "")),
        ($"ListTasks {ProvinceFilter}, page {DeepPage:N0}", _ => ListAsync(ProvinceFilter, deepFilteredToken)),
        ("SummarizeTasks by LEVEL, STATE (country)", async _ =>
            await client.SummarizeTasksAsync(new SummarizeTasksRequest { GroupBy = { Dimension.Level, Dimension.State } })),
    ];

    /// <summary>
    /// Follows next_page_token from page 1 to <paramref name="page"/> (default order, <see cref="PageSize"/> a page) and
    /// returns the token that asks for it, after checking that page is full.
    /// </summary>
    public async Task<string> TokenOfPageAsync(string filter, int page)
    {
        var request = new ListTasksRequest { Filter = filter, PageSize = PageSize };
        for (var current = 1; current < page; current++)
        {
            var response = await client.ListTasksAsync(request);
            if (response.NextPageToken.Length == 0)
            {
                throw new InvalidOperationException($"ListTasks \"{filter}\" ended at page {current} ({response.TotalSize} tasks); import more tasks.");
            }

            request.PageToken = response.NextPageToken;
        }

        var deep = await client.ListTasksAsync(request);
        if (deep.Tasks.Count != PageSize)
        {
            throw new InvalidOperationException($"ListTasks \"{filter}\" page {page} has {deep.Tasks.Count} tasks, not {PageSize}.");
        }

        return request.PageToken;
    }

    private async Task ListAsync(string filter, string pageToken)
    {
        var response = await client.ListTasksAsync(new ListTasksRequest { Filter = filter, PageToken = pageToken, PageSize = PageSize });
        if (response.Tasks.Count != PageSize)
        {
            throw new InvalidOperationException($"expected a full page of {PageSize}, got {response.Tasks.Count}");
        }
    }
}
