using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests;

public sealed class ConstraintAndConcurrencyTests
{
    [Theory, BothProviders]
    public async Task Missing_referenced_row_is_a_foreign_key_violation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        db.Books.Add(new Book { Id = "b1", ShelfId = "no-such-shelf", Title = "t", CreateTime = DateTime.UtcNow, Version = 1 });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DbErrors.IsForeignKeyViolation(error));
        Assert.False(DbErrors.IsUniqueViolation(error));
    }

    [Theory, BothProviders]
    public async Task Duplicate_primary_key_is_a_unique_violation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = await database.CreateMigratedContextAsync())
        {
            first.Shelves.Add(new Shelf { Id = "s1", DisplayName = "Kệ 1" });
            await first.SaveChangesAsync();
        }
        await using var second = database.CreateContext();
        second.Shelves.Add(new Shelf { Id = "s1", DisplayName = "Kệ khác" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(error));
    }

    [Theory, BothProviders]
    public async Task Stale_version_fails_with_a_concurrency_exception(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.CreateMigratedContextAsync())
        {
            setup.Books.Add(new Book { Id = "b1", Title = "Bản đầu", CreateTime = DateTime.UtcNow, Version = 1 });
            await setup.SaveChangesAsync();
        }
        await using var alice = database.CreateContext();
        await using var bob = database.CreateContext();
        var aliceCopy = await alice.Books.SingleAsync(b => b.Id == "b1");
        var bobCopy = await bob.Books.SingleAsync(b => b.Id == "b1");

        aliceCopy.Title = "Sửa của Alice";
        aliceCopy.Version++;
        await alice.SaveChangesAsync();
        bobCopy.Title = "Sửa của Bob";
        bobCopy.Version++;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal("Sửa của Alice", (await check.Books.SingleAsync()).Title);
    }
}
