using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;

namespace Khcn.Data.Tests;

public sealed class SchemaMigratorTests
{
    private static readonly AppliedMigration[] AllMigrations =
    [
        new(SchemaMigrator.PlatformComponent, 1, "idempotency_records"),
        new(SchemaMigrator.PlatformComponent, 2, "audit_events"),
        new("Khcn.Data.Tests", 1, "create_shelves"),
        new("Khcn.Data.Tests", 2, "create_books"),
    ];

    [Theory, BothProviders]
    public async Task Migrate_applies_platform_then_service_scripts_in_version_order_and_records_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.CreateContext();

        var applied = await SchemaMigrator.MigrateAsync(context);

        Assert.Equal(AllMigrations, applied);
        var history = await database.HistoryAsync();
        Assert.Equal(
            AllMigrations.Select(m => (m.Component, m.Version, m.Name)).OrderBy(m => m.Component, StringComparer.Ordinal).ThenBy(m => m.Version),
            history.Select(h => (h.Component, h.Version, h.Name)).OrderBy(m => m.Component, StringComparer.Ordinal).ThenBy(m => m.Version));
        var library = database.LibraryMigrations();
        Assert.Equal(library.Scripts.Select(s => s.Checksum), history.Where(h => h.Component == "Khcn.Data.Tests").Select(h => h.Checksum));
        Assert.True(await database.TableExistsAsync("idempotency_records"));
        Assert.True(await database.TableExistsAsync("books"));
    }

    [Theory, BothProviders]
    public async Task Migrate_second_run_applies_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = database.CreateContext()) await SchemaMigrator.MigrateAsync(first);

        await using var second = database.CreateContext();
        var applied = await SchemaMigrator.MigrateAsync(second);

        Assert.Empty(applied);
        Assert.Equal(AllMigrations.Length, (await database.HistoryAsync()).Count);
    }

    [Theory, BothProviders]
    public async Task Migrate_refuses_a_database_whose_applied_script_was_edited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var original = database.LibraryMigrations();
        await using (var context = database.CreateContext())
        {
            await SchemaMigrator.MigrateAsync(context, [original], logger: null);
        }
        var edited = new MigrationComponent("library",
            original.Scripts.Select(s => s.Version == 1 ? s with { Sql = s.Sql + "\n-- edited after release" } : s));

        await using var restarted = database.CreateContext();
        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => SchemaMigrator.MigrateAsync(restarted, [edited], logger: null));

        Assert.Contains("0001_create_shelves", error.Message);
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Theory, BothProviders]
    public async Task Migrate_accepts_line_ending_and_trailing_whitespace_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var original = database.LibraryMigrations();
        await using (var context = database.CreateContext())
        {
            await SchemaMigrator.MigrateAsync(context, [original], logger: null);
        }
        var checkedOutOnWindows = new MigrationComponent("library",
            original.Scripts.Select(s => s with { Sql = s.Sql.Replace("\n", "  \r\n") }));

        await using var restarted = database.CreateContext();
        var applied = await SchemaMigrator.MigrateAsync(restarted, [checkedOutOnWindows], logger: null);

        Assert.Empty(applied);
    }

    [Theory, BothProviders]
    public async Task Migrate_refuses_a_database_newer_than_the_code(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var current = database.LibraryMigrations();
        await using (var context = database.CreateContext())
        {
            await SchemaMigrator.MigrateAsync(context, [current], logger: null);
        }
        var olderCode = new MigrationComponent("library", current.Scripts.Where(s => s.Version == 1));

        await using var restarted = database.CreateContext();
        var error = await Assert.ThrowsAsync<SchemaMigrationException>(
            () => SchemaMigrator.MigrateAsync(restarted, [olderCode], logger: null));

        Assert.Contains("0002_create_books", error.Message);
        Assert.Contains("newer than the code", error.Message);
    }

    [Theory, BothProviders]
    public async Task Failing_migration_leaves_no_half_applied_schema_and_no_history_row(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var good = database.LibraryMigrations();
        var broken = new MigrationScript(3, "add_reviews",
            "CREATE TABLE reviews (id integer NOT NULL);\nINSERT INTO no_such_table (id) VALUES (1);");
        await using var context = database.CreateContext();

        await Assert.ThrowsAsync<SchemaMigrationException>(
            () => SchemaMigrator.MigrateAsync(context, [new MigrationComponent("library", [.. good.Scripts, broken])], logger: null));

        Assert.False(await database.TableExistsAsync("reviews"));
        Assert.Equal([1, 2], (await database.HistoryAsync()).Select(h => h.Version));

        var fixedScript = broken with { Sql = "CREATE TABLE reviews (id integer NOT NULL);" };
        await using var retry = database.CreateContext();
        var applied = await SchemaMigrator.MigrateAsync(retry, [new MigrationComponent("library", [.. good.Scripts, fixedScript])], logger: null);
        Assert.Equal([new AppliedMigration("library", 3, "add_reviews")], applied);
        Assert.True(await database.TableExistsAsync("reviews"));
    }

    [Theory, BothProviders]
    public async Task Concurrent_migrators_apply_each_migration_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const int instances = 4;
        var contexts = Enumerable.Range(0, instances).Select(_ => database.CreateContext()).ToList();
        try
        {
            var results = await Task.WhenAll(contexts.Select(c => Task.Run(() => SchemaMigrator.MigrateAsync(c))));

            var appliedByAnyone = results.SelectMany(r => r).ToList();
            Assert.Equal(AllMigrations.Length, appliedByAnyone.Count);
            Assert.Equal(AllMigrations.ToHashSet(), appliedByAnyone.ToHashSet());
            Assert.Equal(AllMigrations.Length, (await database.HistoryAsync()).Count);
        }
        finally
        {
            foreach (var context in contexts) await context.DisposeAsync();
        }
    }

    [Fact]
    public void Migrator_refuses_a_component_with_duplicate_versions()
    {
        var error = Assert.Throws<SchemaMigrationException>(() => new MigrationComponent("library",
            [new MigrationScript(1, "a", "SELECT 1;"), new MigrationScript(1, "b", "SELECT 2;")]));

        Assert.Contains("0001_a", error.Message);
        Assert.Contains("0001_b", error.Message);
    }
}
