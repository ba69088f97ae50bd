namespace Khcn.Aip;

/// <summary>The parsed form of an AIP-160 filter.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

internal sealed record OrNode(IReadOnlyList<FilterNode> Operands) : FilterNode;

internal sealed record NotNode(FilterNode Operand) : FilterNode;

/// <summary><c>field op value</c>; positions are 1-based and point at the field and the value.</summary>
internal sealed record RestrictionNode(string Field, FilterOperator Operator, string Value, int FieldPosition, int ValuePosition) : FilterNode;

/// <summary>A bare value with no field: a free-text search.</summary>
internal sealed record GlobalNode(string Value, int Position) : FilterNode;
