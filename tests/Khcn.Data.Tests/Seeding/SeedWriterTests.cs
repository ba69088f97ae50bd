using Khcn.Aip;
using Khcn.Data.Tests.Infrastructure;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Khcn.Data.Tests.Seeding;

public sealed class SeedWriterTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("khcn-seed-writer-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [BothProviders]
    public async Task StoredRecordsAreLeftAsTheyAreAndMissingOnesAreAdded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.CreateMigratedContextAsync())
        {
            setup.Shelves.Add(new Shelf { Id = "fiction", DisplayName = "Edited through the API" });
            await setup.SaveChangesAsync();
        }

        await using var db = database.CreateContext();
        var seeds = new ShelfSeeds(db, _folder);
        seeds.Write(("shelves/fiction", "Fiction"), ("shelves/poetry", "Poetry"));

        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);

        Assert.Equal(
            [("fiction", "Edited through the API"), ("poetry", "Poetry")],
            await ShelvesAsync(database));
    }

    [Theory]
    [BothProviders]
    public async Task ARecordTheApiRefusesIsSkippedAndTheRestOfTheFileLoads(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var seeds = new ShelfSeeds(db, _folder);
        seeds.Refused.Add("drafts");
        seeds.Write(("shelves/drafts", "Drafts"), ("shelves/poetry", "Poetry"));

        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);

        Assert.Equal([("poetry", "Poetry")], await ShelvesAsync(database));
    }

    [Theory]
    [BothProviders]
    public async Task ALostRaceWithAnotherSeederIsRetriedOnceAndKeepsTheOtherSeedersRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var competitor = await database.CreateMigratedContextAsync())
        {
            competitor.Shelves.Add(new Shelf { Id = "fiction", DisplayName = "Seeded by the other instance" });
            await competitor.SaveChangesAsync();
        }

        await using var db = database.CreateContext();
        var seeds = new ShelfSeeds(db, _folder);
        // Both lookups of the first attempt (before and under the transaction) miss the competitor's row, so the
        // insert hits the unique key; the retry sees it.
        seeds.MissStored("fiction", lookups: 2);
        seeds.Write(("shelves/fiction", "Fiction"), ("shelves/poetry", "Poetry"));

        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);

        Assert.Equal(
            [("fiction", "Seeded by the other instance"), ("poetry", "Poetry")],
            await ShelvesAsync(database));
    }

    [Fact]
    public async Task PreparationRunsOnlyWhenAMissingRecordNeedsIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var seeds = new ShelfSeeds(db, _folder);
        seeds.Write(("shelves/unnamed", ""));

        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);
        Assert.Equal(0, seeds.Preparations);

        seeds.Write(("shelves/unnamed", ""), ("shelves/poetry", "Poetry"));
        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);
        Assert.Equal(1, seeds.Preparations);

        // Every record is stored now: a restart prepares nothing.
        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);
        Assert.Equal(1, seeds.Preparations);
    }

    [Fact]
    public async Task AFailedPreparationWritesNothingOfTheFileAndPropagates()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var seeds = new ShelfSeeds(db, _folder)
        {
            Prepare = _ => throw new ApiException(ApiErrorCode.Unavailable, "UNAVAILABLE", "Provinces is down."),
        };
        seeds.Write(("shelves/unnamed", ""), ("shelves/poetry", "Poetry"));

        var error = await Assert.ThrowsAsync<ApiException>(() => Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None));

        Assert.Equal(ApiErrorCode.Unavailable, error.Code);
        Assert.Empty(await ShelvesAsync(database));
    }

    [Fact]
    public async Task AMissingFileIsSkipped()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var seeds = new ShelfSeeds(db, _folder);

        await Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None);

        Assert.Empty(await ShelvesAsync(database));
    }

    [Fact]
    public async Task ARecordWithoutAValidResourceNameBreaksTheFileAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = await database.CreateMigratedContextAsync();
        var seeds = new ShelfSeeds(db, _folder);
        seeds.Write(("shelves/poetry", "Poetry"), ("books/fiction", "Fiction"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Writer(db).LoadFileAsync(_folder, seeds.Collection(), CancellationToken.None));

        Assert.Contains("\"books/fiction\" is not a resource name of the form shelves/{shelf}", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ShelvesAsync(database));
    }

    private static SeedWriter Writer(DbContext db) => new(db, NullLogger.Instance);

    private static async Task<List<(string Id, string DisplayName)>> ShelvesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var shelves = await db.Shelves.OrderBy(s => s.Id).ToListAsync();
        return [.. shelves.Select(s => (s.Id, s.DisplayName))];
    }
}
