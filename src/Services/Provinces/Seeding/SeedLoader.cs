using Google.Protobuf;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Departments;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khcn.Provinces.Seeding;

/// <summary>
/// Loads seeds/provinces at start-up. Provinces first (reference data, always), then, unless
/// <see cref="SeedOptions.LoadFacts"/> is off, the facts from the source articles. Idempotent: a record whose key
/// already exists is left alone (never updated, so edits made through the API survive restarts), and each file goes
/// in one transaction, so a crash leaves a file either fully loaded or not at all.
/// </summary>
public sealed partial class SeedLoader(
    ProvincesDbContext db,
    ProvinceDirectory provinces,
    RecordClock clock,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var folder = options.Value.Path is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "seeds", "provinces");

        await LoadFileAsync<Province>(folder, "provinces.json", "provinces", InsertProvincesAsync, cancellationToken);
        // Facts check their province references against the directory, so it must see the provinces first.
        await provinces.ReloadAsync(cancellationToken);

        if (options.Value.LoadFacts)
        {
            await LoadFileAsync<Department>(folder, "departments.json", "departments", InsertDepartmentsAsync, cancellationToken);
            await LoadFileAsync<Official>(folder, "officials.json", "officials", InsertOfficialsAsync, cancellationToken);
            await LoadOtherFactsAsync(folder, cancellationToken);
        }

        await provinces.ReloadAsync(cancellationToken);
    }

    /// <summary>Reads one file and inserts what is missing, in one transaction; a missing file is skipped.</summary>
    private async Task LoadFileAsync<TMessage>(
        string folder,
        string fileName,
        string arrayProperty,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task<int>> insertMissing,
        CancellationToken cancellationToken)
        where TMessage : IMessage<TMessage>, new()
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            LogFileMissing(path);
            return;
        }

        var messages = SeedFile.Read<TMessage>(path, arrayProperty);
        int added;
        try
        {
            added = await InsertMissingInTransactionAsync(messages, insertMissing, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance seeded the same database at the same moment (PostgreSQL's read
            // committed lets both see the rows missing): what it inserted is now visible, so once more.
            db.ChangeTracker.Clear();
            added = await InsertMissingInTransactionAsync(messages, insertMissing, cancellationToken);
        }

        LogFileLoaded(fileName, added, messages.Count);
    }

    private async Task<int> InsertMissingInTransactionAsync<TMessage>(
        IReadOnlyList<TMessage> messages,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task<int>> insertMissing,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await insertMissing(messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return added;
    }

    /// <summary>
    /// Adds the row of every record whose key is neither stored (<paramref name="storedKeys"/>) nor earlier in the file,
    /// and says how many were added. Records already stored are left exactly as they are.
    /// </summary>
    private int AddMissing<TRecord, TKey, TEntity>(
        IEnumerable<TRecord> records,
        IEnumerable<TKey> storedKeys,
        Func<TRecord, TKey> keyOf,
        Func<TRecord, TKey, TEntity> toEntity)
        where TEntity : class
    {
        var existing = storedKeys.ToHashSet();
        var added = 0;
        foreach (var record in records)
        {
            var key = keyOf(record);
            if (existing.Add(key))
            {
                db.Add(toEntity(record, key));
                added++;
            }
        }

        return added;
    }

    private async Task<int> InsertProvincesAsync(IReadOnlyList<Province> messages, CancellationToken cancellationToken)
    {
        var stored = await db.ProvinceUnits.Select(u => new { u.Code, u.ValidFrom }).ToListAsync(cancellationToken);
        return AddMissing(
            messages.Select(ProvinceMapping.ToEntity),
            stored.Select(u => (u.Code, u.ValidFrom)),
            unit => (unit.Code, unit.ValidFrom),
            (unit, _) => unit);
    }

    private async Task<int> InsertDepartmentsAsync(IReadOnlyList<Department> messages, CancellationToken cancellationToken)
    {
        var stored = await db.Departments.Select(d => d.ProvinceCode).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages.Where(KnowsProvince),
            stored,
            message => DepartmentMapping.NamePattern.Parse(message.Name, "department.name"),
            (message, code) => DepartmentMapping.ToEntity(code, message, now));
    }

    /// <summary>Departments of unknown provinces are skipped (and logged) rather than failing the whole file.</summary>
    private bool KnowsProvince(Department message)
    {
        var code = DepartmentMapping.NamePattern.Parse(message.Name, "department.name");
        if (provinces.Registry.Contains(code))
        {
            return true;
        }

        LogUnknownProvince(message.Name);
        return false;
    }

    private async Task<int> InsertOfficialsAsync(IReadOnlyList<Official> messages, CancellationToken cancellationToken)
    {
        var stored = await db.Officials.Select(o => o.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages,
            stored,
            message => OfficialMapping.NamePattern.Parse(message.Name, "official.name"),
            (message, id) => OfficialMapping.ToEntity(id, message, now));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed file {Path} not found; skipped.")]
    private partial void LogFileMissing(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds {FileName}: added {Added} of {Total} records (the rest already existed).")]
    private partial void LogFileLoaded(string fileName, int added, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed record {Name} names an unknown province; skipped.")]
    private partial void LogUnknownProvince(string name);
}

public static class SeedLoadingExtensions
{
    /// <summary>Loads the seeds (see <see cref="SeedLoader"/>) before the host starts serving.</summary>
    public static async Task LoadSeedsAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedLoader>().LoadAsync(cancellationToken);
    }
}
