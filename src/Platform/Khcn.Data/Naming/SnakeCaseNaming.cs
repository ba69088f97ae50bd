using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data;

/// <summary>
/// Maps the EF model to snake_case database names, matching the hand-written SQL migrations
/// (PostgreSQL folds unquoted identifiers to lower case, so snake_case needs no quoting anywhere).
/// </summary>
public static class SnakeCaseNaming
{
    /// <summary>
    /// Renames tables, columns, keys, foreign keys and indexes to snake_case. Call it last in OnModelCreating,
    /// after ToTable/HasColumnName, because it converts whatever names are configured at that point.
    /// </summary>
    public static void ApplySnakeCaseNames(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetTableName(ToSnakeCase(table));
            }
            if (entity.GetViewName() is { } view)
            {
                entity.SetViewName(ToSnakeCase(view));
            }
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.GetColumnName()));
            }
            foreach (var key in entity.GetKeys())
            {
                if (key.GetName() is { } name) key.SetName(ToSnakeCase(name));
            }
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                if (foreignKey.GetConstraintName() is { } name) foreignKey.SetConstraintName(ToSnakeCase(name));
            }
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetDatabaseName() is { } name) index.SetDatabaseName(ToSnakeCase(name));
            }
        }
    }

    /// <summary>
    /// "CreateTime" → "create_time", "HTTPServer" → "http_server", "PK_Books" → "pk_books". An underscore goes
    /// before an upper-case letter that starts a word: after a lower-case letter or digit, or an acronym's last letter.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                var startsWord = char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next));
                if (startsWord) result.Append('_');
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
