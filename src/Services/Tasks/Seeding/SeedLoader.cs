using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khcn.Tasks.Seeding;

/// <summary>
/// Loads seeds/tasks at start-up: programmes.json, then tasks.json (a task may name a programme). Idempotent: a
/// record whose id is already stored is left alone (never updated, so edits made through the API survive restarts; a
/// task deleted through the API, whose history remains, is not brought back), and each file goes in one transaction,
/// so a crash leaves a file either fully loaded or not at all. Tasks go through <see cref="TaskCreation"/> in import
/// mode, the validation ImportTasks applies (province codes included, which is why the Provinces service must answer:
/// when it does not, <see cref="LoadAsync"/> fails with UNAVAILABLE and nothing of the file is written).
/// </summary>
public sealed class SeedLoader(
    TasksDbContext db,
    ProgrammeCreation programmes,
    TaskCreation creation,
    IProvinceReference provinces,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger) : ISeedLoader
{
    public const string ProgrammesFile = "programmes.json";
    public const string TasksFile = "tasks.json";

    /// <summary>The folder the files are read from: <see cref="SeedLoadOptions.Path"/>, else seeds/tasks next to the binary.</summary>
    public string Folder => options.Value.FolderOr("tasks");

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var seeds = new SeedWriter(db, logger);
        // A record needs the province catalog when its validation checks a province code (a national programme has none).
        await seeds.LoadFileAsync(
            Folder,
            new SeedCollection<Programme>
            {
                FileName = ProgrammesFile,
                ArrayProperty = "programmes",
                Names = ProgrammeMapping.Names,
                NameOf = p => p.Name,
                KnownIdsAsync = StoredProgrammesAsync,
                AddAsync = AddProgrammeAsync,
                NeedsPreparation = p => p.ProvinceCode.Length > 0,
                PrepareAsync = LoadProvinceCatalogAsync,
            },
            cancellationToken);
        await seeds.LoadFileAsync(
            Folder,
            new SeedCollection<V1.Task>
            {
                FileName = TasksFile,
                ArrayProperty = "tasks",
                Names = TaskMapping.Names,
                NameOf = t => t.Name,
                KnownIdsAsync = KnownTasksAsync,
                AddAsync = AddTaskAsync,
                NeedsPreparation = t => !string.IsNullOrWhiteSpace(t.ProvinceCode),
                PrepareAsync = LoadProvinceCatalogAsync,
            },
            cancellationToken);
    }

    /// <summary>
    /// Loaded before the file's transaction opens (see <see cref="SeedCollection{TMessage}.PrepareAsync"/>); when
    /// Provinces is down this fails with UNAVAILABLE and the file waits for a later attempt (SeedingRetry).
    /// </summary>
    private async Task LoadProvinceCatalogAsync(CancellationToken cancellationToken) =>
        await provinces.GetCatalogAsync(cancellationToken);

    private Task<List<string>> StoredProgrammesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Programmes.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);

    private Task<List<string>> KnownTasksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        KnownSeedIds.StoredOrRecordedAsync(db.Tasks.Select(t => t.Id), db.History.Select(e => e.TaskId), ids, cancellationToken);

    /// <summary>The import path of ImportTasks: full validation, the given state kept, a CREATED history entry.</summary>
    private Task AddTaskAsync(V1.Task message, string id, CancellationToken cancellationToken) =>
        creation.AddAsync(message, id, TaskCreationMode.Import, cancellationToken);

    /// <summary>A programme row, after the checks CreateProgramme makes (the seed's id is valid: SeedWriter checked it).</summary>
    private Task AddProgrammeAsync(Programme message, string id, CancellationToken cancellationToken) =>
        programmes.AddAsync(message, id, cancellationToken);
}
