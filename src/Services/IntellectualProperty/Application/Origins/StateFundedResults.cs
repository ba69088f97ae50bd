using Khcn.Aip;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>
/// IP Law Art. 86a (as amended 2022): the right to register an invention, utility solution or industrial design that
/// results from a task funded wholly by the state budget belongs to the task's host organisation. Marks and
/// geographical indications are outside it (a certification mark is held by the state body that manages it), and so
/// is a task that other sources co-funded (the parties' agreement decides).
/// </summary>
public static class StateFundedResults
{
    /// <summary>The holder the law names for an asset of <paramref name="kind"/> from <paramref name="task"/>; null when the article does not apply.</summary>
    public static Holder? LawfulHolder(AssetKind kind, OriginTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (kind is not (AssetKind.Invention or AssetKind.UtilitySolution or AssetKind.IndustrialDesign) || !task.IsFullyStateFunded)
        {
            return null;
        }

        // The host's kind is not assumed (a host may be a department or an enterprise as well as an institute).
        return new Holder { DisplayName = task.HostName, Address = task.HostAddress };
    }

    /// <summary>Whether <paramref name="given"/> names <paramref name="lawful"/>, ignoring case, diacritics and spacing.</summary>
    public static bool IsSameHolder(string? given, string lawful) =>
        string.Equals(TextFolding.Fold(given), TextFolding.Fold(lawful), StringComparison.Ordinal);
}
