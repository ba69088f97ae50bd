using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Khcn.Data.Audit;

/// <summary>The <c>resource</c> and <c>resource_type</c> of an audited row.</summary>
internal static partial class AuditResourceNames
{
    public static string TypeOf(IEntityType entityType) =>
        entityType.FindAnnotation(AuditModel.ResourceTypeAnnotation)?.Value as string
        ?? entityType.GetTableName()
        ?? entityType.ShortName();

    /// <summary>The template filled from the row's values, or "{table}/{key values}"; a key the database has yet to assign reads "-".</summary>
    public static string NameOf(EntityEntry entry)
    {
        if (entry.Metadata.FindAnnotation(AuditModel.ResourceNameAnnotation)?.Value is string template)
        {
            return Placeholder().Replace(template, match => Text(entry, entry.Property(match.Groups["property"].Value)));
        }

        var key = entry.Metadata.FindPrimaryKey();
        var table = entry.Metadata.GetTableName() ?? entry.Metadata.ShortName();
        return key is null ? table : string.Join('/', [table, .. key.Properties.Select(p => Text(entry, entry.Property(p.Name)))]);
    }

    public static void Validate(IMutableEntityType entityType, string template)
    {
        foreach (Match match in Placeholder().Matches(template))
        {
            var property = match.Groups["property"].Value;
            if (entityType.FindProperty(property) is null)
            {
                throw new InvalidOperationException($"Audit resource name '{template}' of {entityType.ShortName()} names no property '{property}'.");
            }
        }
    }

    private static string Text(EntityEntry entry, PropertyEntry property)
    {
        if (property.IsTemporary) return "-";
        var value = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
        return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    [GeneratedRegex(@"\{(?<property>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
