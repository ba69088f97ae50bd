namespace Khcn.Dashboard.Store;

/// <summary>The six level names of the API, in rising order of severity, and the OTLP severity numbers they cover.</summary>
internal static class LogLevels
{
    public static readonly IReadOnlyList<string> Names = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    // Severity numbers come in groups of four per level (1-4 Trace ... 21-24 Critical).
    private const int NumbersPerLevel = 4;

    private const int InformationRank = 2;

    /// <summary>
    /// The rank (index in <see cref="Names"/>) of an OTLP severity number. An unspecified (0) or out-of-range number
    /// counts as Information: a record with no severity is shown, not hidden by a minimum level filter.
    /// </summary>
    public static int RankOfSeverity(int severityNumber) =>
        severityNumber is >= 1 and <= 24 ? (severityNumber - 1) / NumbersPerLevel : InformationRank;

    /// <summary>The rank of a level name (case-insensitive), or null when the name is not a level.</summary>
    public static int? RankOfName(string name)
    {
        for (var rank = 0; rank < Names.Count; rank++)
        {
            if (string.Equals(Names[rank], name, StringComparison.OrdinalIgnoreCase))
            {
                return rank;
            }
        }
        return null;
    }
}
