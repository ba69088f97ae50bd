using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;
using Khcn.Data.Tests.Infrastructure;

namespace Khcn.Data.Tests.History;

public sealed class HistoryEventListTests
{
    private const string ShelfType = "library.example.com/Shelf";

    private static readonly HistoryEventList<ShelfHistoryEntry, ShelfEventType, ShelfState> Events =
        new(new ResourceNamePattern("shelves/{shelf}"), ShelfType);

    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [BothProviders]
    public async Task AParentListsOnlyItsOwnResourcesEvents(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        var page = await ListAsync(db, "shelves/fiction", existing: ["fiction", "poetry"]);

        Assert.Equal(3, page.TotalSize);
        Assert.All(page.Items, e => Assert.Equal("fiction", e.ShelfId));
    }

    [Theory]
    [BothProviders]
    public async Task TheWildcardParentListsEveryResourcesEvents(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        var page = await ListAsync(db, "shelves/-", existing: []);

        Assert.Equal(["fiction", "poetry", "fiction", "fiction", "drafts", "drafts"], page.Items.Select(e => e.ShelfId));
    }

    [Theory]
    [BothProviders]
    public async Task ADeletedResourcesEventsStayListable(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        var page = await ListAsync(db, "shelves/drafts", existing: []);

        Assert.Equal([ShelfEventType.Created, ShelfEventType.Deleted], page.Items.Select(e => e.Type));
    }

    [Theory]
    [BothProviders]
    public async Task AResourceWithNeitherRowNorEventsIsNotFound(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        var error = await Assert.ThrowsAsync<ApiException>(() => ListAsync(db, "shelves/history", existing: []));

        Assert.Equal((ApiErrorCode.NotFound, ShelfType, "shelves/history"), (error.Code, error.ResourceType, error.ResourceName));
    }

    [Fact]
    public async Task AResourceStoredWithoutEventsListsNothing()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        await using var db = Open(database);

        var page = await ListAsync(db, "shelves/empty", existing: ["empty"]);

        Assert.Equal(0, page.TotalSize);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task AParentThatIsNotTheResourcesNameIsInvalid()
    {
        await using var database = await SeededAsync(DatabaseProvider.Sqlite);
        await using var db = Open(database);

        var error = await Assert.ThrowsAsync<ApiException>(() => ListAsync(db, "books/fiction", existing: []));

        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
    }

    [Theory]
    [BothProviders]
    public async Task EventsFilterByTypeActorAndTimes(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        Assert.Equal(3, (await ListAsync(db, "shelves/-", [], filter: "type = CREATED")).TotalSize);
        Assert.Equal(2, (await ListAsync(db, "shelves/-", [], filter: "actor = \"thủ thư\"")).TotalSize);
        Assert.Equal(2, (await ListAsync(db, "shelves/-", [], filter: "event_time >= \"2025-01-05T00:00:00Z\"")).TotalSize);
        Assert.Equal(1, (await ListAsync(db, "shelves/fiction", [], filter: "record_time < \"2025-01-02T00:00:00Z\"")).TotalSize);
    }

    [Theory]
    [BothProviders]
    public async Task PagesWalkEveryEventOnceInRecordTimeOrder(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        await using var db = Open(database);

        var seen = new List<long>();
        string? token = null;
        do
        {
            var page = await ListAsync(db, "shelves/-", [], pageSize: 4, pageToken: token);
            seen.AddRange(page.Items.Select(e => e.Sequence));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        await using var check = Open(database);
        var expected = check.History.AsEnumerable().OrderBy(e => e.RecordTime).ThenBy(e => e.Sequence).Select(e => e.Sequence);
        Assert.Equal(expected, seen);
    }

    private static Task<ListPage<ShelfHistoryEntry>> ListAsync(
        ShelfHistoryDbContext db, string parent, string[] existing, string? filter = null, int pageSize = 0, string? pageToken = null) =>
        Events.ListAsync(
            db.History,
            shelfId => db.History.Where(e => e.ShelfId == shelfId),
            (shelfId, _) => Task.FromResult(existing.Contains(shelfId)),
            parent,
            pageSize,
            pageToken,
            filter,
            orderBy: null,
            CancellationToken.None);

    private static ShelfHistoryDbContext Open(TestDatabase database) => ShelfHistoryDbContext.Open(database.Provider, database.Target);

    /// <summary>
    /// Six events over three shelves, recorded a day apart except two on the same day (the sequence orders those):
    /// fiction created, poetry created, fiction renamed twice (same record time), drafts created and deleted.
    /// </summary>
    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = Open(database);
        await db.Database.EnsureCreatedAsync();
        (string Shelf, ShelfEventType Type, int Day, string Actor)[] events =
        [
            ("fiction", ShelfEventType.Created, 1, ""),
            ("poetry", ShelfEventType.Created, 2, ""),
            ("fiction", ShelfEventType.Renamed, 3, "thủ thư"),
            ("fiction", ShelfEventType.Renamed, 3, "thủ thư"),
            ("drafts", ShelfEventType.Created, 5, ""),
            ("drafts", ShelfEventType.Deleted, 6, ""),
        ];
        foreach (var (shelf, type, day, actor) in events)
        {
            // One save each, so the sequence follows this order.
            db.History.Add(new ShelfHistoryEntry(
                shelf,
                new(type, ShelfState.Open, ShelfState.Open, ShelfHistoryDbContext.At(Start.AddDays(day - 1), actor), [], new Empty())));
            await db.SaveChangesAsync();
        }

        return database;
    }
}
