using Khcn.Tasks.V1;

namespace Khcn.Tasks.Domain.Tasks;

/// <summary>One expected or delivered output, stored with its task (never queried alone).</summary>
public sealed record TaskOutputValue(OutputKind Kind, string Description, string Asset, bool Delivered);
