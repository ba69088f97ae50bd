using Khcn.Provinces.V1;

namespace Khcn.Provinces.Overview;

/// <summary>What asking another service for one part gave: the part's value, or why it is missing.</summary>
public sealed record DependencyOutcome<T>(T? Value, MissingPart? Missing)
    where T : class
{
    public static DependencyOutcome<T> Answered(T value) => new(value, null);

    public static DependencyOutcome<T> Failed(MissingPart missing) => new(null, missing);
}
