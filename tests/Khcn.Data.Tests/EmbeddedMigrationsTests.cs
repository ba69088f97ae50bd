using Khcn.Data.Tests.Model;

namespace Khcn.Data.Tests;

public sealed class EmbeddedMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Scripts_are_found_by_resource_name_in_the_context_assembly_in_version_order(DatabaseProvider provider)
    {
        var component = EmbeddedMigrations.Load("library", typeof(LibraryDbContext).Assembly, provider);

        Assert.Equal(["0001_create_shelves", "0002_create_books"], component.Scripts.Select(s => s.FullName));
        Assert.Contains("CREATE TABLE books", component.Scripts[1].Sql);
    }

    [Fact]
    public void Each_provider_gets_its_own_script_text()
    {
        var sqlite = EmbeddedMigrations.Load("library", typeof(LibraryDbContext).Assembly, DatabaseProvider.Sqlite);
        var postgres = EmbeddedMigrations.Load("library", typeof(LibraryDbContext).Assembly, DatabaseProvider.PostgreSql);

        Assert.Contains("timestamptz", postgres.Scripts[1].Sql);
        Assert.DoesNotContain("timestamptz", sqlite.Scripts[1].Sql);
    }

    [Fact]
    public void Platform_ships_the_idempotency_table_migration()
    {
        var platform = EmbeddedMigrations.Load(SchemaMigrator.PlatformComponent, typeof(SchemaMigrator).Assembly, DatabaseProvider.Sqlite);

        Assert.Equal(["0001_idempotency_records", "0002_audit_events"], platform.Scripts.Select(s => s.FullName));
    }

    [Fact]
    public void Checksum_ignores_line_endings_bom_and_trailing_whitespace_but_not_content()
    {
        var original = new MigrationScript(1, "x", "CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);\n");

        Assert.Equal(original.Checksum, (original with { Sql = "\uFEFFCREATE TABLE t (id int);  \r\nCREATE INDEX i ON t (id);\r\n\r\n" }).Checksum);
        Assert.NotEqual(original.Checksum, (original with { Sql = "CREATE TABLE t (id bigint);\nCREATE INDEX i ON t (id);\n" }).Checksum);
        Assert.Matches("^[0-9a-f]{64}$", original.Checksum);
    }
}
