using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khcn.IntellectualProperty.Seeding;

/// <summary>
/// Loads seeds/ip/assets.json at start-up. Idempotent: a record whose id is stored, or ever was (an asset deleted through
/// the API keeps its history), is left alone, so edits made through the API survive restarts and a deleted seed never
/// comes back; the file goes in one transaction, so a crash leaves it either fully loaded or not at all. Records go
/// through <see cref="AssetCreation"/> in seed mode: what a record gives is validated as CreateAsset would (province codes
/// included, which is why the Provinces service must answer: when it does not, <see cref="LoadAsync"/> fails with
/// UNAVAILABLE and nothing is written), while what the sources leave unknown may stay unset.
/// </summary>
public sealed partial class SeedLoader(
    IpDbContext db,
    AssetCreation creation,
    IProvinceReference provinces,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger)
{
    public const string AssetsFile = "assets.json";
    public const string AssetsProperty = "assets";

    /// <summary>The folder the file is read from: <see cref="SeedOptions.Path"/>, else seeds/ip next to the binary.</summary>
    public string Folder => options.Value.Path is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(AppContext.BaseDirectory, "seeds", "ip");

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder, AssetsFile);
        if (!File.Exists(path))
        {
            LogFileMissing(path);
            return;
        }

        var records = SeedFile.Read<Asset>(path, AssetsProperty)
            .Select(message => (Id: IdOf(message.Name, path), Message: message))
            .ToList();
        int added;
        try
        {
            added = await AddMissingInTransactionAsync(records, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance seeded the same database at the same moment (read committed lets both see the ids
            // missing): what it inserted is visible now, so once more.
            db.ChangeTracker.Clear();
            added = await AddMissingInTransactionAsync(records, cancellationToken);
        }

        LogFileLoaded(AssetsFile, added, records.Count);
    }

    private async Task<int> AddMissingInTransactionAsync(IReadOnlyList<(string Id, Asset Message)> records, CancellationToken cancellationToken)
    {
        // Looked at before any transaction: a restart that finds every record known writes nothing and needs no catalog.
        var knownBefore = (await KnownAssetsAsync([.. records.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = records.Where(r => !knownBefore.Contains(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        // The province catalog is loaded before the transaction opens: a SQLite transaction holds the write lock, and
        // waiting for the Provinces service under it would stall every other writer. When Provinces is down this fails
        // with UNAVAILABLE, and the file is loaded on a later attempt (SeedingRetry).
        if (missing.Any(r => r.Message.ProvinceCode.Length > 0))
        {
            await provinces.GetCatalogAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read again under the transaction: it decides, the look above only saved work.
        var present = (await KnownAssetsAsync([.. missing.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (id, message) in missing)
        {
            if (!present.Add(id))
            {
                continue;
            }

            try
            {
                await creation.AddAsync(message, id, AssetCreationMode.Seed, cancellationToken);
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

    /// <summary>
    /// Seed assets stored now or ever: an asset deleted through the API keeps its history, and a restart must not bring
    /// back what someone removed.
    /// </summary>
    private async Task<List<string>> KnownAssetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var stored = await db.Assets.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var recorded = await db.History.Where(e => ids.Contains(e.AssetId)).Select(e => e.AssetId).Distinct().ToListAsync(cancellationToken);
        return [.. stored.Union(recorded)];
    }

    /// <summary>Every seed record carries its fixed resource name; a file without one is broken, not skippable.</summary>
    private static string IdOf(string name, string path) =>
        AssetMapping.Names.TryParse(name, out var ids) && ResourceIds.IsValid(ids[0])
            ? ids[0]
            : throw new InvalidDataException($"Seed file {path}: \"{name}\" is not a resource name of the form {AssetMapping.Names.Pattern} with a valid id.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed file {Path} not found; skipped.")]
    private partial void LogFileMissing(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds {FileName}: added {Added} of {Total} records (the rest already existed or were refused).")]
    private partial void LogFileLoaded(string fileName, int added, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed record {Id} was refused ({Reason}): {Message} {Violations}")]
    private partial void LogRecordRefused(string id, string reason, string message, string violations);
}
