namespace Khcn.Aip;

/// <summary>
/// A problem in the filter text, with the 1-based character position it was found at. Internal: it becomes an
/// INVALID_FILTER <see cref="ApiException"/> at the API boundary.
/// </summary>
internal sealed class FilterSyntaxException(string description, int position, string? hint = null)
    : Exception(hint is null ? $"{description} at position {position}" : $"{description} at position {position}; {hint}")
{
    public int Position { get; } = position;
}

/// <summary>A literal that does not fit its field (thrown by field builders that do not know the position).</summary>
internal sealed class FilterValueException(string description) : Exception(description)
{
    public string Description { get; } = description;
}
