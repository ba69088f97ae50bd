using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Seeding;

/// <summary>
/// A seed file of shelves for <see cref="SeedWriter"/>. The records are <see cref="Api"/> messages, a well-known
/// contract type with a name (the shelf's resource name) and a string (its display name, in "version"), so the tests
/// need no .proto of their own.
/// </summary>
public sealed class ShelfSeeds(LibraryDbContext db, string folder)
{
    public const string FileName = "shelves.json";

    public static readonly ResourceNamePattern Names = new("shelves/{shelf}");

    public string Folder => folder;

    private readonly HashSet<string> _unseen = [];
    private int _unseenLookups;

    /// <summary>Ids <see cref="AddAsync"/> refuses with INVALID_ARGUMENT, as the API would a bad record.</summary>

    /// <summary>Ids <see cref="AddAsync"/> refuses with INVALID_ARGUMENT, as the API would a bad record.</summary>
    public HashSet<string> Refused { get; } = [];

    public int Preparations { get; private set; }

    public Func<CancellationToken, Task> Prepare { get; set; } = _ => Task.CompletedTask;

    /// <summary>
    /// The next <paramref name="lookups"/> id lookups miss <paramref name="id"/> although it is stored: what a seeder
    /// sees when another instance inserts the same record while it looks (read committed).
    /// </summary>
    public void MissStored(string id, int lookups)
    {
        _unseen.Add(id);
        _unseenLookups = lookups;
    }

    public void Write(params (string Name, string DisplayName)[] shelves) =>
        File.WriteAllText(
            Path.Combine(folder, FileName),
            JsonSerializer.Serialize(new { shelves = shelves.Select(s => new { name = s.Name, version = s.DisplayName }) }));

    public SeedCollection<Api> Collection() => new()
    {
        FileName = FileName,
        ArrayProperty = "shelves",
        Names = Names,
        NameOf = shelf => shelf.Name,
        KnownIdsAsync = KnownIdsAsync,
        AddAsync = AddAsync,
        // Only shelves with a display name "need the catalog" here: enough to tell a skipped preparation from a run one.
        NeedsPreparation = shelf => shelf.Version.Length > 0,
        PrepareAsync = async cancellationToken =>
        {
            Preparations++;
            await Prepare(cancellationToken);
        },
    };

    private async Task<List<string>> KnownIdsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var stored = await db.Shelves.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (_unseenLookups == 0)
        {
            return stored;
        }

        _unseenLookups--;
        return [.. stored.Where(id => !_unseen.Contains(id))];
    }

    private Task AddAsync(Api shelf, string id, CancellationToken cancellationToken)
    {
        if (Refused.Contains(id))
        {
            throw ApiException.InvalidArgument("The shelf is refused.", new FieldViolation("display_name", "refused"));
        }

        db.Shelves.Add(new Shelf { Id = id, DisplayName = shelf.Version });
        return Task.CompletedTask;
    }
}
