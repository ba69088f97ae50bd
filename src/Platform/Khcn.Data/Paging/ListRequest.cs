namespace Khcn.Data;

/// <summary>
/// The four standard fields of an AIP-132 List request. Every other field that narrows the list
/// (e.g. valid_on) must go into <see cref="OtherParameters"/> so a page token cannot be replayed
/// against a different request.
/// </summary>
public sealed record ListRequest(int PageSize, string? PageToken, string? Filter, string? OrderBy, params string?[] OtherParameters)
{
    /// <summary>AIP-158 default page size when the caller sends 0.</summary>
    public int DefaultPageSize { get; init; } = 50;

    /// <summary>Larger requested sizes are coerced down to this.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>
    /// False skips the COUNT behind total_size, which then holds only the page's own item count: for callers that
    /// walk every page and never read it, such as exports.
    /// </summary>
    public bool CountTotal { get; init; } = true;
}
