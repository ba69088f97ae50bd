namespace Khcn.Data;

/// <summary>A page ready for a List response: the items, total_size and next_page_token ("" on the last page).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int TotalSize, string NextPageToken);
