using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Khcn.Data;

/// <summary>
/// Finds migration scripts embedded in an assembly with <c>&lt;EmbeddedResource Include="Migrations/**/*.sql" /&gt;</c>.
/// MSBuild names such a resource <c>{RootNamespace}.Migrations.{Sqlite|PostgreSql}.{NNNN_snake_name}.sql</c>, so
/// a script is any manifest resource whose name ends with <c>.Migrations.Sqlite.0001_name.sql</c> (or PostgreSql).
/// Both providers must have the same versions and names: a migration written for one engine only is a bug.
/// </summary>
public static partial class EmbeddedMigrations
{
    /// <summary>Loads <paramref name="provider"/>'s scripts of <paramref name="assembly"/> as component <paramref name="component"/>.</summary>
    public static MigrationComponent Load(string component, Assembly assembly, DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var scripts = ReadAll(assembly);
        var forProvider = scripts.Where(s => s.Provider == provider).Select(s => s.Script).ToList();
        var forOther = scripts.Where(s => s.Provider != provider).Select(s => s.Script).ToList();
        var mismatched = forProvider.Select(s => s.FullName).ToHashSet();
        mismatched.SymmetricExceptWith(forOther.Select(s => s.FullName));
        if (mismatched.Count > 0)
        {
            throw new SchemaMigrationException(
                $"Migrations of '{component}' in {assembly.GetName().Name} differ between Sqlite and PostgreSql: " +
                $"{string.Join(", ", mismatched.Order(StringComparer.Ordinal))} exist for one provider only.");
        }
        return new MigrationComponent(component, forProvider);
    }

    private static List<(DatabaseProvider Provider, MigrationScript Script)> ReadAll(Assembly assembly)
    {
        var scripts = new List<(DatabaseProvider, MigrationScript)>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            var match = ResourceNamePattern().Match(resourceName);
            if (!match.Success) continue;
            var provider = Enum.Parse<DatabaseProvider>(match.Groups["provider"].Value);
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var script = new MigrationScript(
                int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd());
            scripts.Add((provider, script));
        }
        return scripts;
    }

    [GeneratedRegex(@"(^|\.)Migrations\.(?<provider>Sqlite|PostgreSql)\.(?<version>[0-9]{4,})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceNamePattern();
}
