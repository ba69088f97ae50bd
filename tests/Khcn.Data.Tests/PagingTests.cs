using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;

namespace Khcn.Data.Tests;

public sealed class PagingTests
{
    private static async Task<TestDatabase> SevenBooksAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        db.Books.AddRange(Enumerable.Range(1, 7).Reverse().Select(i =>
            new Book { Id = $"b{i:D2}", Title = $"Sách {i}", CreateTime = DateTime.UtcNow, Version = 1 }));
        await db.SaveChangesAsync();
        return database;
    }

    [Theory, BothProviders]
    public async Task Middle_page_has_page_size_items_and_more_to_come(DatabaseProvider provider)
    {
        await using var database = await SevenBooksAsync(provider);
        await using var db = database.CreateContext();

        var page = await db.Books.OrderBy(b => b.Id).Select(b => b.Id).ToPageAsync(3, 3, CancellationToken.None);

        Assert.Equal(["b04", "b05", "b06"], page.Items);
        Assert.True(page.HasMore);
        Assert.Equal(7, page.TotalSize);
    }

    [Theory, BothProviders]
    public async Task Last_page_has_no_more(DatabaseProvider provider)
    {
        await using var database = await SevenBooksAsync(provider);
        await using var db = database.CreateContext();

        var exactEnd = await db.Books.OrderBy(b => b.Id).Select(b => b.Id).ToPageAsync(4, 3, CancellationToken.None);
        var partial = await db.Books.OrderBy(b => b.Id).Select(b => b.Id).ToPageAsync(6, 3, CancellationToken.None);
        var everything = await db.Books.OrderBy(b => b.Id).Select(b => b.Id).ToPageAsync(0, 50, CancellationToken.None);

        Assert.Equal(["b05", "b06", "b07"], exactEnd.Items);
        Assert.False(exactEnd.HasMore);
        Assert.Equal(["b07"], partial.Items);
        Assert.False(partial.HasMore);
        Assert.Equal(7, partial.TotalSize);
        Assert.Equal(7, everything.Items.Count);
        Assert.Equal(7, everything.TotalSize);
    }
}
