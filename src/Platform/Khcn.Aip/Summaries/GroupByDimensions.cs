namespace Khcn.Aip;

/// <summary>
/// The <c>group_by</c> list of a Summarize method: each dimension named at most once, none unspecified. Every bad
/// entry is reported (as <c>group_by[i]</c>) so a client fixes them all in one round trip.
/// </summary>
public static class GroupByDimensions
{
    /// <summary>
    /// The valid dimensions of <paramref name="requested"/> in request order; a violation on <paramref name="validator"/>
    /// for each other entry. The list of allowed names comes from the contract's enum, so it cannot go stale.
    /// </summary>
    public static IReadOnlyList<TDimension> Read<TDimension>(Validator validator, IReadOnlyList<TDimension> requested)
        where TDimension : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(requested);
        var dimensions = new List<TDimension>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var dimension = requested[i];
            var field = $"group_by[{i}]";
            if (IsUnspecified(dimension) || !Enum.IsDefined(dimension))
            {
                validator.Add(field, $"must be one of {ProtoEnumNames.SpecifiedList<TDimension>()}");
            }
            else if (dimensions.Contains(dimension))
            {
                validator.Add(field, $"repeats {ProtoEnumNames.Of(dimension)}; group by each dimension at most once");
            }
            else
            {
                dimensions.Add(dimension);
            }
        }

        return dimensions;
    }

    // Proto3 enums start with the rejected DIMENSION_UNSPECIFIED = 0.
    private static bool IsUnspecified<TDimension>(TDimension dimension)
        where TDimension : struct, Enum =>
        EqualityComparer<TDimension>.Default.Equals(dimension, default);
}
