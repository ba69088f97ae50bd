namespace Khcn.Tests.Infrastructure;

/// <summary>
/// Follows an AIP-158 list from its first page to the one without a next_page_token, one call a page, so paging tests
/// can assert on every page (its size, its total_size) and on what the pages held together.
/// </summary>
public static class PageWalk
{
    /// <param name="fetch">Fetches the page for a page token ("" for the first page).</param>
    /// <param name="nextPageToken">The page's next_page_token.</param>
    public static async Task<IReadOnlyList<TPage>> AllPagesAsync<TPage>(Func<string, Task<TPage>> fetch, Func<TPage, string> nextPageToken)
    {
        var pages = new List<TPage>();
        var token = "";
        do
        {
            var page = await fetch(token);
            pages.Add(page);
            token = nextPageToken(page);
        }
        while (token != "");

        return pages;
    }
}
