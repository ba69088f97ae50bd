namespace Khcn.Data;

/// <summary>A migration that <see cref="SchemaMigrator"/> applied during this run.</summary>
public sealed record AppliedMigration(string Component, int Version, string Name);
