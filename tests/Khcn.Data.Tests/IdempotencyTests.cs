using Google.Protobuf.WellKnownTypes;
using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests;

public sealed class IdempotencyTests
{
    private const string Scope = "khcn.library.v1.LibraryService/CreateBook";

    private static StringValue Response(string title) => new() { Value = title };

    [Theory, BothProviders]
    public async Task Stored_response_is_returned_for_the_same_request_id(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.Books.Add(new Book { Id = "b1", Title = "Sổ tay", CreateTime = DateTime.UtcNow, Version = 1 });
            db.AddIdempotentResponse(Scope, "req-1", Response("Sổ tay"));
            await db.SaveChangesAsync();
        }

        await using var retry = database.CreateContext();
        var found = await retry.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None);
        var otherScope = await retry.FindIdempotentResponseAsync(Scope + "X", "req-1", StringValue.Parser, CancellationToken.None);

        Assert.Equal(Response("Sổ tay"), found);
        Assert.Null(otherScope);
    }

    [Theory, BothProviders]
    public async Task Record_is_rolled_back_with_the_write_it_protects(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Books.Add(new Book { Id = "b1", Title = "Nháp", CreateTime = DateTime.UtcNow, Version = 1 });
            db.AddIdempotentResponse(Scope, "req-1", Response("Nháp"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using var check = database.CreateContext();
        Assert.Null(await check.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None));
        Assert.Equal(0, await check.Books.CountAsync());
    }

    [Theory, BothProviders]
    public async Task Failed_SaveChanges_stores_neither_the_write_nor_the_record(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            db.AddIdempotentResponse(Scope, "req-1", Response("Mồ côi"));
            db.Books.Add(new Book { Id = "b1", ShelfId = "no-such-shelf", Title = "Mồ côi", CreateTime = DateTime.UtcNow, Version = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Null(await check.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None));
    }

    [Theory, BothProviders]
    public async Task Racing_duplicate_request_id_fails_with_a_unique_violation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var winner = await database.CreateMigratedContextAsync();
        await using var loser = database.CreateContext();
        // Both checked before either saved: neither saw a stored response.
        Assert.Null(await winner.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None));
        Assert.Null(await loser.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None));
        winner.AddIdempotentResponse(Scope, "req-1", Response("first"));
        loser.AddIdempotentResponse(Scope, "req-1", Response("second"));

        await winner.SaveChangesAsync();
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => loser.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(error));
        Assert.False(DbErrors.IsForeignKeyViolation(error));
        await using var reread = database.CreateContext();
        Assert.Equal(Response("first"), await reread.FindIdempotentResponseAsync(Scope, "req-1", StringValue.Parser, CancellationToken.None));
    }

    [Theory, BothProviders]
    public async Task Missing_request_id_neither_finds_nor_stores_a_record(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();

        db.AddIdempotentResponse(Scope, "", Response("x"));
        db.AddIdempotentResponse(Scope, null, Response("x"));
        await db.SaveChangesAsync();

        Assert.Equal(0, await db.Set<IdempotencyRecord>().CountAsync());
        Assert.Null(await db.FindIdempotentResponseAsync(Scope, null, StringValue.Parser, CancellationToken.None));
    }

    [Theory, BothProviders]
    public async Task Request_id_reused_for_a_different_request_is_rejected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var request = new StringValue { Value = "create b1" };
        db.AddIdempotentResponse(Scope, "req-1", Response("b1"), IdempotencyExtensions.ComputeRequestHash(request));
        await db.SaveChangesAsync();

        var sameRequest = await db.FindIdempotentResponseAsync(
            Scope, "req-1", StringValue.Parser, IdempotencyExtensions.ComputeRequestHash(request), CancellationToken.None);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => db.FindIdempotentResponseAsync(
            Scope, "req-1", StringValue.Parser, IdempotencyExtensions.ComputeRequestHash(new StringValue { Value = "create b2" }), CancellationToken.None));

        Assert.Equal(Response("b1"), sameRequest);
    }

    [Theory, BothProviders]
    public async Task Purge_deletes_only_records_older_than_the_cutoff(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        db.AddIdempotentResponse(Scope, "old", Response("old"));
        db.AddIdempotentResponse(Scope, "new", Response("new"));
        db.Set<IdempotencyRecord>().Local.Single(r => r.RequestId == "old").CreateTime = DateTime.UtcNow.AddDays(-3);
        await db.SaveChangesAsync();

        var purged = await db.PurgeIdempotencyRecordsAsync(DateTime.UtcNow.AddDays(-1), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Equal(["new"], await db.Set<IdempotencyRecord>().AsNoTracking().Select(r => r.RequestId).ToListAsync());
    }
}
