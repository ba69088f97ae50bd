using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Khcn.Data.Audit;

/// <summary>Turns one tracked change into its <see cref="AuditEntry"/>.</summary>
internal static class AuditEntries
{
    // Vietnamese text stays readable in the stored JSON; it is data for auditors, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when the entry is not a change worth a row (unchanged, or modified with no property changed).</summary>
    public static AuditEntry? From(EntityEntry entry, AuditCall call, DateTime eventTime)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Modified => AuditAction.Update,
            EntityState.Deleted => AuditAction.Delete,
            _ => (AuditAction?)null,
        };
        if (action is null) return null;

        var stored = entry.Properties.Where(p => p.Metadata.GetTableColumnMappings().Any()).ToList();
        var changed = action == AuditAction.Update ? stored.Where(p => p.IsModified).ToList() : stored;
        if (changed.Count == 0) return null;

        return new AuditEntry
        {
            EventTime = eventTime,
            Actor = call.Actor,
            ClientId = call.ClientId,
            Method = call.Method,
            RequestId = call.RequestId,
            TraceId = call.TraceId,
            Action = action.Value,
            Resource = AuditResourceNames.NameOf(entry),
            ResourceType = AuditResourceNames.TypeOf(entry.Metadata),
            ChangedFields = string.Join(',', changed.Select(p => ColumnOf(p.Metadata))),
            Before = action == AuditAction.Create ? null : Snapshot(stored, p => p.OriginalValue),
            After = action == AuditAction.Delete ? null : Snapshot(stored, p => p.CurrentValue),
        };
    }

    /// <summary>The columns as stored: each value through the property's converter, so JSON columns read as JSON text.</summary>
    private static string Snapshot(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            columns[ColumnOf(property.Metadata)] = property.IsTemporary ? null : ToProvider(property.Metadata, value(property));
        }
        return JsonSerializer.Serialize(columns, Json);
    }

    private static object? ToProvider(IProperty property, object? value)
    {
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    private static string ColumnOf(IProperty property) => property.GetColumnName();
}
