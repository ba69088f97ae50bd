using Google.Protobuf;
using Khcn.Aip;
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
public sealed partial class SeedLoader(
    TasksDbContext db,
    ProgrammeCreation programmes,
    TaskCreation creation,
    IProvinceReference provinces,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger)
{
    public const string ProgrammesFile = "programmes.json";
    public const string TasksFile = "tasks.json";

    /// <summary>The folder the files are read from: <see cref="SeedOptions.Path"/>, else seeds/tasks next to the binary.</summary>
    public string Folder => options.Value.Path is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "seeds", "tasks");

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        // A record needs the province catalog when its validation checks a province code (a national programme has none).
        await LoadFileAsync<Programme>(
            ProgrammesFile,
            "programmes",
            ProgrammeMapping.Names,
            p => p.Name,
            p => p.ProvinceCode.Length > 0,
            StoredProgrammesAsync,
            AddProgrammeAsync,
            cancellationToken);
        await LoadFileAsync<V1.Task>(
            TasksFile,
            "tasks",
            TaskMapping.Names,
            t => t.Name,
            t => !string.IsNullOrWhiteSpace(t.ProvinceCode),
            KnownTasksAsync,
            AddTaskAsync,
            cancellationToken);
    }

    /// <summary>Reads one file and adds the records whose id is not stored yet, in one transaction; a missing file is skipped.</summary>
    private async Task LoadFileAsync<TMessage>(
        string fileName,
        string arrayProperty,
        ResourceNamePattern names,
        Func<TMessage, string> nameOf,
        Func<TMessage, bool> needsCatalog,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<List<string>>> storedIds,
        Func<TMessage, string, CancellationToken, Task> add,
        CancellationToken cancellationToken)
        where TMessage : IMessage<TMessage>, new()
    {
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path))
        {
            LogFileMissing(path);
            return;
        }

        var records = SeedFile.Read<TMessage>(path, arrayProperty)
            .Select(message => (Id: IdOf(nameOf(message), names, path), Message: message))
            .ToList();
        int added;
        try
        {
            added = await AddMissingInTransactionAsync(records, needsCatalog, storedIds, add, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance seeded the same database at the same moment (read committed lets both see the ids
            // missing): what it inserted is visible now, so once more.
            db.ChangeTracker.Clear();
            added = await AddMissingInTransactionAsync(records, needsCatalog, storedIds, add, cancellationToken);
        }

        LogFileLoaded(fileName, added, records.Count);
    }

    private async Task<int> AddMissingInTransactionAsync<TMessage>(
        IReadOnlyList<(string Id, TMessage Message)> records,
        Func<TMessage, bool> needsCatalog,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<List<string>>> storedIds,
        Func<TMessage, string, CancellationToken, Task> add,
        CancellationToken cancellationToken)
    {
        // Looked at before any transaction: a restart that finds every record stored writes nothing and needs no catalog.
        var storedBefore = (await storedIds([.. records.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = records.Where(r => !storedBefore.Contains(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        // The province catalog is loaded before the transaction opens: a SQLite transaction holds the write lock, and
        // waiting for the Provinces service under it would stall every other writer. When Provinces is down this fails
        // with UNAVAILABLE, and the file is loaded on a later attempt (SeedingRetry), as the validation would have.
        if (missing.Any(r => needsCatalog(r.Message)))
        {
            await provinces.GetCatalogAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read again under the transaction: it decides, the look above only saved work.
        var present = (await storedIds([.. missing.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (id, message) in missing)
        {
            if (!present.Add(id))
            {
                continue;
            }

            try
            {
                await add(message, id, cancellationToken);
                added++;
            }
            catch (ApiException e) when (e.Code is ApiErrorCode.InvalidArgument or ApiErrorCode.AlreadyExists)
            {
                // A record the API would refuse is a fault of the file (the seed tests catch it): the rest still loads.
                LogRecordRefused(id, e.Reason, e.Message, string.Join("; ", e.Violations.Select(v => $"{v.Field}: {v.Description}")));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    private Task<List<string>> StoredProgrammesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Programmes.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Seed tasks stored now or ever: a task deleted through the API keeps its history, and a restart must not bring
    /// back what someone removed.
    /// </summary>
    private async Task<List<string>> KnownTasksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var stored = await db.Tasks.Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        var recorded = await db.History.Where(e => ids.Contains(e.TaskId)).Select(e => e.TaskId).Distinct().ToListAsync(cancellationToken);
        return [.. stored.Union(recorded)];
    }

    /// <summary>The import path of ImportTasks: full validation, the given state kept, a CREATED history entry.</summary>
    private Task AddTaskAsync(V1.Task message, string id, CancellationToken cancellationToken) =>
        creation.AddAsync(message, id, TaskCreationMode.Import, cancellationToken);

    /// <summary>A programme row, after the checks CreateProgramme makes (the seed's id is valid by <see cref="IdOf"/>).</summary>
    private Task AddProgrammeAsync(Programme message, string id, CancellationToken cancellationToken) =>
        programmes.AddAsync(message, id, cancellationToken);

    /// <summary>Every seed record carries its fixed resource name; a file without one is broken, not skippable.</summary>
    private static string IdOf(string name, ResourceNamePattern names, string path) =>
        names.TryParse(name, out var ids) && ResourceIds.IsValid(ids[0])
            ? ids[0]
            : throw new InvalidDataException($"Seed file {path}: \"{name}\" is not a resource name of the form {names.Pattern} with a valid id.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed file {Path} not found; skipped.")]
    private partial void LogFileMissing(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds {FileName}: added {Added} of {Total} records (the rest already existed or were refused).")]
    private partial void LogFileLoaded(string fileName, int added, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed record {Id} was refused ({Reason}): {Message} {Violations}")]
    private partial void LogRecordRefused(string id, string reason, string message, string violations);
}
