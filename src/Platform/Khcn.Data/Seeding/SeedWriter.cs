using Google.Protobuf;
using Khcn.Aip;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Data;

/// <summary>
/// Loads seed files idempotently: a record whose id is known (see <see cref="SeedCollection{TMessage}.KnownIdsAsync"/>)
/// is left alone, never updated, so edits made through the API survive restarts; each file goes in one transaction, so a
/// crash leaves it either fully loaded or not at all. <paramref name="logger"/> is the service loader's, so the lines
/// read as that service's.
/// </summary>
public sealed partial class SeedWriter(DbContext db, ILogger logger)
{
    /// <summary>Reads one file of <paramref name="folder"/> and adds the records not known yet; a missing file is skipped.</summary>
    public async Task LoadFileAsync<TMessage>(string folder, SeedCollection<TMessage> collection, CancellationToken cancellationToken)
        where TMessage : IMessage<TMessage>, new()
    {
        ArgumentNullException.ThrowIfNull(collection);
        var path = Path.Combine(folder, collection.FileName);
        if (!File.Exists(path))
        {
            LogFileMissing(path);
            return;
        }

        var records = SeedFile.Read<TMessage>(path, collection.ArrayProperty)
            .Select(message => (Id: IdOf(collection.NameOf(message), collection.Names, path), Message: message))
            .ToList();
        int added;
        try
        {
            added = await AddMissingInTransactionAsync(records, collection, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance seeded the same database at the same moment (read committed lets both see the ids
            // missing): what it inserted is visible now, so once more.
            db.ChangeTracker.Clear();
            added = await AddMissingInTransactionAsync(records, collection, cancellationToken);
        }

        LogFileLoaded(collection.FileName, added, records.Count);
    }

    private async Task<int> AddMissingInTransactionAsync<TMessage>(
        IReadOnlyList<(string Id, TMessage Message)> records,
        SeedCollection<TMessage> collection,
        CancellationToken cancellationToken)
        where TMessage : IMessage<TMessage>, new()
    {
        // Looked at before any transaction: a restart that finds every record known writes nothing and prepares nothing.
        var knownBefore = (await collection.KnownIdsAsync([.. records.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = records.Where(r => !knownBefore.Contains(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        // Before the transaction opens (see SeedCollection.PrepareAsync). When Provinces is down this fails with
        // UNAVAILABLE, and the file is loaded on a later attempt (SeedingRetry), as the validation would have.
        if (missing.Any(r => collection.NeedsPreparation(r.Message)))
        {
            await collection.PrepareAsync(cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Read again under the transaction: it decides, the look above only saved work.
        var present = (await collection.KnownIdsAsync([.. missing.Select(r => r.Id)], cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (id, message) in missing)
        {
            if (!present.Add(id))
            {
                continue;
            }

            try
            {
                await collection.AddAsync(message, id, cancellationToken);
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
