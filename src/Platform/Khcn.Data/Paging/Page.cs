namespace Khcn.Data;

/// <summary>One page of an ordered query; <see cref="HasMore"/> decides whether a next_page_token is issued.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalSize, bool HasMore);
