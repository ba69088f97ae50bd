using System.Text;

namespace Khcn.Aip;

/// <summary>Turns type names into the UPPER_SNAKE_CASE used by ErrorInfo reasons (AIP-193).</summary>
internal static class UpperSnakeCase
{
    /// <summary>"khcn.provinces.v1.ReportedFigure" becomes "REPORTED_FIGURE"; acronyms stay together ("IPAsset" becomes "IP_ASSET").</summary>
    public static string FromTypeName(string typeName)
    {
        var shortName = ShortTypeName(typeName);
        var builder = new StringBuilder(shortName.Length + 8);
        for (var i = 0; i < shortName.Length; i++)
        {
            var c = shortName[i];
            if (!char.IsLetterOrDigit(c))
            {
                AppendSeparator(builder);
                continue;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = shortName[i - 1];
                var nextIsLower = i + 1 < shortName.Length && char.IsLower(shortName[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    AppendSeparator(builder);
                }
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim('_');
    }

    /// <summary>The last segment of a dotted, fully-qualified type name.</summary>
    public static string ShortTypeName(string typeName)
    {
        // Both forms of a resource type end in the type's own name: the proto full name
        // ("khcn.provinces.v1.Recommendation") and the AIP-123 type ("tasks.khcn.gov.vn/Task").
        var cut = typeName.LastIndexOfAny(['.', '/']);
        return cut < 0 ? typeName : typeName[(cut + 1)..];
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '_')
        {
            builder.Append('_');
        }
    }
}
