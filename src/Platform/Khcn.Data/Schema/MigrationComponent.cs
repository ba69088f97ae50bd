namespace Khcn.Data;

/// <summary>
/// A named, independently versioned set of scripts sharing one history ("platform" or a service). Scripts are
/// kept in version order; versions must be unique and positive.
/// </summary>
public sealed class MigrationComponent
{
    public MigrationComponent(string name, IEnumerable<MigrationScript> scripts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scripts);
        Name = name;
        Scripts = [.. scripts.OrderBy(s => s.Version)];
        if (Scripts.FirstOrDefault(s => s.Version <= 0) is { } invalid)
        {
            throw new SchemaMigrationException($"Migration {name} {invalid.FullName}: versions start at 1.");
        }
        if (Scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SchemaMigrationException(
                $"Component '{name}' has several migrations with version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.FullName))}.");
        }
    }

    public string Name { get; }

    public IReadOnlyList<MigrationScript> Scripts { get; }
}
