using Google.Protobuf;
using Khcn.Aip;

namespace Khcn.Data;

/// <summary>
/// One seed file of contract messages and how its records get into the database (see <see cref="SeedWriter"/>):
/// which ids are already known, what must happen before a transaction opens, and how one missing record is added.
/// </summary>
public sealed class SeedCollection<TMessage>
    where TMessage : IMessage<TMessage>, new()
{
    /// <summary>The file's name in the seed folder, e.g. "tasks.json".</summary>
    public required string FileName { get; init; }

    /// <summary>The file's one array property, e.g. "tasks".</summary>
    public required string ArrayProperty { get; init; }

    /// <summary>Every record carries its fixed resource name; its single id is the record's key.</summary>
    public required ResourceNamePattern Names { get; init; }

    public required Func<TMessage, string> NameOf { get; init; }

    /// <summary>
    /// Of the given ids, those that must not be added: stored now, or (when history outlives the row) ever, so a
    /// restart never brings back what someone removed through the API.
    /// </summary>
    public required Func<IReadOnlyCollection<string>, CancellationToken, Task<List<string>>> KnownIdsAsync { get; init; }

    /// <summary>Adds one missing record (not saved yet); an INVALID_ARGUMENT or ALREADY_EXISTS refuses only that record.</summary>
    public required Func<TMessage, string, CancellationToken, Task> AddAsync { get; init; }

    /// <summary>Whether adding this record needs <see cref="PrepareAsync"/> first (e.g. it has a province code to check).</summary>
    public Func<TMessage, bool> NeedsPreparation { get; init; } = _ => false;

    /// <summary>
    /// Runs before the transaction opens when a missing record needs it: a SQLite transaction holds the write lock, and
    /// waiting for another service under it would stall every other writer (e.g. loading the province catalog).
    /// </summary>
    public Func<CancellationToken, Task> PrepareAsync { get; init; } = _ => Task.CompletedTask;
}
