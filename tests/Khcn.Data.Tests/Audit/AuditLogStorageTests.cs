using System.Data.Common;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Khcn.Data.Audit;
using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Audit;

/// <summary>The audit log in the database: captured with the write, in its transaction, and append-only on both providers.</summary>
public sealed class AuditLogStorageTests
{
    private static readonly DateTime Created = new(2025, 7, 1, 8, 30, 0, DateTimeKind.Utc);

    private static AuditCall Call(string method = "/khcn.library.v1.LibraryService/CreateBook") =>
        new("librarian@khcn.test", "library-ui", method, "4bf92f3577b34da6a3ce929d0e0e4736") { RequestId = "6f1c1f4e-3b0a-4c47-9d55-0d2f6a8c1b11" };

    [Theory, BothProviders]
    public async Task Create_update_and_delete_each_write_a_row_with_before_after_and_changed_fields(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        await CreateBookInCallAsync(database);
        using (AuditCall.Begin(Call("/khcn.library.v1.LibraryService/UpdateBook")))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            var book = await db.Books.SingleAsync(b => b.Id == "b1");
            book.Title = "Sổ tay mới";
            book.Version = 2;
            await db.SaveChangesAsync();
        }
        using (AuditCall.Begin(Call("/khcn.library.v1.LibraryService/DeleteBook")))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Books.Remove(await db.Books.SingleAsync(b => b.Id == "b1"));
            await db.SaveChangesAsync();
        }

        var rows = await AuditRowsAsync(database);
        Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal("books/b1", r.Resource);
            Assert.Equal("library.khcn.test/Book", r.ResourceType);
            Assert.Equal("librarian@khcn.test", r.Actor);
            Assert.Equal("library-ui", r.ClientId);
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", r.TraceId);
            Assert.Equal("6f1c1f4e-3b0a-4c47-9d55-0d2f6a8c1b11", r.RequestId);
        });
        Assert.True(rows[0].Sequence < rows[1].Sequence && rows[1].Sequence < rows[2].Sequence);

        var (create, update, delete) = (rows[0], rows[1], rows[2]);
        Assert.Equal("/khcn.library.v1.LibraryService/CreateBook", create.Method);
        Assert.Null(create.Before);
        Assert.Equal("Sổ tay", Column(create.After, "title").GetString());
        Assert.Equal(["create_time", "id", "shelf_id", "title", "version"], create.ChangedFields.Split(',').Order());

        Assert.Equal(["title", "version"], update.ChangedFields.Split(',').Order());
        Assert.Equal("Sổ tay", Column(update.Before, "title").GetString());
        Assert.Equal("Sổ tay mới", Column(update.After, "title").GetString());
        Assert.Equal(2, Column(update.After, "version").GetInt64());

        Assert.Equal("Sổ tay mới", Column(delete.Before, "title").GetString());
        Assert.Null(delete.After);
    }

    [Theory, BothProviders]
    public async Task A_row_that_is_not_a_resource_is_named_by_its_table_and_key(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Shelves.Add(new Shelf { Id = "s1", DisplayName = "Kệ một" });
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await AuditRowsAsync(database));
        Assert.Equal("shelves/s1", row.Resource);
        Assert.Equal("shelves", row.ResourceType);
    }

    [Theory, BothProviders]
    public async Task A_failed_save_stores_neither_the_write_nor_its_audit_row(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Books.Add(new Book { Id = "b1", ShelfId = "no-such-shelf", Title = "Mồ côi", CreateTime = Created, Version = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

            // The retry after fixing the write records it once, not twice.
            db.Books.Local.Single().ShelfId = null;
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await AuditRowsAsync(database));
        Assert.Equal("books/b1", row.Resource);
        Assert.Null(Column(row.After, "shelf_id").GetString());
    }

    [Theory, BothProviders]
    public async Task A_rolled_back_transaction_takes_the_audit_rows_with_it(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Books.Add(new Book { Id = "b1", Title = "Nháp", CreateTime = Created, Version = 1 });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await AuditRowsAsync(database));
    }

    [Theory, BothProviders]
    public async Task Writes_outside_a_call_and_idempotency_records_are_not_audited(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        await using (var seed = AuditedLibraryDbContext.On(database))
        {
            seed.Books.Add(new Book { Id = "seeded", Title = "Hạt giống", CreateTime = Created, Version = 1 });
            await seed.SaveChangesAsync();
        }
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Books.Add(NewBook());
            db.AddIdempotentResponse("khcn.library.v1.LibraryService/CreateBook", "req-1", new StringValue { Value = "b1" });
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await AuditRowsAsync(database));
        Assert.Equal("books/b1", row.Resource);
    }

    [Theory, BothProviders]
    public async Task The_database_refuses_to_update_or_delete_audit_rows(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        await CreateBookInCallAsync(database);

        var update = await Assert.ThrowsAnyAsync<DbException>(() => database.ScalarAsync("UPDATE audit_events SET actor = 'someone-else'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => database.ScalarAsync("DELETE FROM audit_events"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var row = Assert.Single(await AuditRowsAsync(database));
        Assert.Equal("librarian@khcn.test", row.Actor);
    }

    [Theory, BothProviders]
    public async Task The_model_refuses_to_change_or_delete_a_loaded_audit_row(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Books.Add(NewBook());
            await db.SaveChangesAsync();

            var row = await db.AuditEntries.SingleAsync();
            db.Entry(row).Property(r => r.Actor).CurrentValue = "someone-else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Equal("librarian@khcn.test", Assert.Single(await AuditRowsAsync(database)).Actor);
    }

    private static Book NewBook() => new() { Id = "b1", Title = "Sổ tay", CreateTime = Created, Version = 1 };

    private static async Task CreateBookInCallAsync(TestDatabase database)
    {
        using (AuditCall.Begin(Call()))
        {
            await using var db = AuditedLibraryDbContext.On(database);
            db.Books.Add(NewBook());
            await db.SaveChangesAsync();
        }
    }

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = AuditedLibraryDbContext.On(database);
        await SchemaMigrator.MigrateAsync(db);
        return database;
    }

    private static async Task<List<AuditEntry>> AuditRowsAsync(TestDatabase database)
    {
        await using var db = AuditedLibraryDbContext.On(database);
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    private static JsonElement Column(string? json, string column)
    {
        Assert.NotNull(json);
        return JsonDocument.Parse(json).RootElement.GetProperty(column);
    }
}
