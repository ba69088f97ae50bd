using Google.Protobuf;
using Grpc.Core;
using Khcn.Aip;
using Khcn.Data;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Outcome = Khcn.Tasks.V1.ImportTaskResult.Types.Outcome;

namespace Khcn.Tasks.Application.Streams;

/// <summary>
/// ImportTasks: creates the tasks of a client stream, answering each record on its own. A record that fails
/// validation is REJECTED with the status CreateTask would have failed with, and the others are still created; a
/// record whose request_id was imported before answers ALREADY_IMPORTED with the task it created. A record for a
/// province the caller may not write is REJECTED with PERMISSION_DENIED (PROVINCE_NOT_GRANTED), before anything else
/// is looked up for it, replays included.
/// </summary>
/// <remarks>
/// Records are saved in batches (the tasks, their CREATED events and their idempotency records in one transaction per
/// batch) because one transaction per record would make a bulk load as slow as as many CreateTask calls. When a batch
/// hits a constraint (a code or id taken by a concurrent writer), it is replayed record by record so only the
/// offending record is rejected.
/// </remarks>
public sealed class TaskImportService(TasksDbContext db, TaskCreation creation, ProvinceWriteAccess access)
{
    /// <summary>Idempotency scope of the records (their request_ids), shared by every import stream.</summary>
    public const string Scope = "khcn.tasks.v1.TasksService/ImportTasks";

    /// <summary>Most records one call accepts, so that the answer (one result per record) fits in one message.</summary>
    public const int MaxRecords = 20_000;

    /// <summary>The default largest message a gRPC client accepts (4 MiB): the answer must never exceed it.</summary>
    public const int MaxAnswerBytes = 4 * 1024 * 1024;

    /// <summary>Records per transaction.</summary>
    internal const int BatchSize = 500;

    private static readonly string ErrorDomain = ApiErrorMapping.DomainForMethod($"/{Scope}");

    public async Task<ImportTasksResponse> ImportAsync(IAsyncStreamReader<ImportTasksRequest> records, CancellationToken cancellationToken)
    {
        var import = new ImportRun();

        // Imports only add rows, each fully built before it is added: there are no changes to detect, and detecting
        // them on every query of every record (TaskCreation looks at the unsaved rows) would grow with the batch.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // One connection for the whole stream instead of one per query: each record runs a few lookups.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var chunk = new List<ImportRecord>(BatchSize);
            var count = 0;
            while (await records.MoveNext(cancellationToken))
            {
                if (count == MaxRecords)
                {
                    throw TooMany();
                }

                chunk.Add(new ImportRecord(import.Start(count++, records.Current), records.Current));
                if (chunk.Count == BatchSize)
                {
                    await ImportChunkAsync(import, chunk, cancellationToken);
                    chunk.Clear();
                }
            }

            await ImportChunkAsync(import, chunk, cancellationToken);
            return import.Response;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Answers up to one batch of records read from the stream, saving what can be created.</summary>
    private async Task ImportChunkAsync(ImportRun import, List<ImportRecord> chunk, CancellationToken cancellationToken)
    {
        var candidates = new List<ImportRecord>(chunk.Count);
        foreach (var record in chunk)
        {
            if (Admit(import, record) && await PermitAsync(import, record, cancellationToken))
            {
                candidates.Add(record);
            }
        }

        var importedEarlier = await FindImportedAsync(candidates, cancellationToken);
        var batch = new ImportBatch();
        foreach (var record in candidates)
        {
            var requestId = record.Request.RequestId;
            if (importedEarlier.TryGetValue(requestId, out var earlierTask) || import.TryGetImported(requestId, out earlierTask))
            {
                import.AlreadyImported(record.Result, earlierTask);
                continue;
            }

            // The same request_id twice in one batch: the second waits for the first to be saved (or rejected), so it
            // gets the answer it would get in a later call.
            if (batch.Holds(requestId))
            {
                await SaveBatchAsync(import, batch, cancellationToken);
                if (import.TryGetImported(requestId, out earlierTask))
                {
                    import.AlreadyImported(record.Result, earlierTask);
                    continue;
                }
            }

            try
            {
                batch.Add(record, await AddAsync(record, cancellationToken));
            }
            catch (ApiException e) when (IsRecordError(e))
            {
                await RejectOrFindAsync(import, record, e, cancellationToken);
            }
        }

        await SaveBatchAsync(import, batch, cancellationToken);
        if (import.AnswerSize > MaxAnswerBytes)
        {
            throw AnswerTooLarge();
        }
    }

    /// <summary>Checks what can be checked without the database; false when the record is already answered.</summary>
    private static bool Admit(ImportRun import, ImportRecord record)
    {
        try
        {
            if (string.IsNullOrEmpty(record.Request.RequestId))
            {
                throw ApiException.InvalidArgument(
                    "request_id is required: each imported record needs its own idempotency key.",
                    new FieldViolation("request_id", "is required (a UUID)"));
            }

            RequestIds.Validate(record.Request.RequestId);
            if (record.Request.Task is null)
            {
                throw ApiException.InvalidArgument("The record has no task.", new FieldViolation("task", "is required"));
            }

            return true;
        }
        catch (ApiException e)
        {
            import.Reject(record.Result, ToStatus(e));
            return false;
        }
    }

    /// <summary>Whether the caller may write the record's province; false when the record is refused (answered).</summary>
    private async Task<bool> PermitAsync(ImportRun import, ImportRecord record, CancellationToken cancellationToken)
    {
        if (await access.CheckAsync(TaskMapping.ResourceType, [record.Request.Task.ProvinceCode], cancellationToken) is not { } refusal)
        {
            return true;
        }

        import.Reject(record.Result, ProvinceWriteErrors.ToStatus(refusal));
        return false;
    }

    /// <summary>The tasks created earlier by records of <paramref name="candidates"/>, by request_id: one query per batch.</summary>
    private async Task<Dictionary<string, string>> FindImportedAsync(List<ImportRecord> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var requestIds = candidates.Select(r => r.Request.RequestId).Distinct().ToList();
        var stored = await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Scope == Scope && requestIds.Contains(r.RequestId))
            .Select(r => new { r.RequestId, r.Response })
            .ToListAsync(cancellationToken);
        return stored.ToDictionary(r => r.RequestId, r => ImportTaskResult.Parser.ParseFrom(r.Response).Task, StringComparer.Ordinal);
    }

    /// <summary>Adds the record's task, its CREATED event and its idempotency record to the context, unsaved.</summary>
    private async Task<string> AddAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        var task = await creation.AddAsync(record.Request.Task, record.Request.TaskId, TaskCreationMode.Import, cancellationToken);
        var name = TaskMapping.Names.Format(task.Id);
        db.AddIdempotentResponse(Scope, record.Request.RequestId, Created(record.Request.RequestId, name));
        return name;
    }

    private async Task SaveBatchAsync(ImportRun import, ImportBatch batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (record, task) in batch.Entries)
            {
                import.Created(record.Result, record.Request.RequestId, task);
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || DbErrors.IsForeignKeyViolation(e))
        {
            db.ChangeTracker.Clear();
            foreach (var (record, _) in batch.Entries)
            {
                await ImportAloneAsync(import, record, cancellationToken);
            }
        }
        finally
        {
            // Keeps the context small: a long stream must not slow down as it goes.
            db.ChangeTracker.Clear();
            batch.Clear();
        }
    }

    /// <summary>One record in its own transaction, after its batch failed: its answer no longer depends on the others.</summary>
    private async Task ImportAloneAsync(ImportRun import, ImportRecord record, CancellationToken cancellationToken)
    {
        var requestId = record.Request.RequestId;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await db.FindIdempotentResponseAsync(Scope, requestId, ImportTaskResult.Parser, cancellationToken) is { } earlier)
                {
                    import.AlreadyImported(record.Result, earlier.Task);
                    return;
                }

                var task = await AddAsync(record, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                import.Created(record.Result, requestId, task);
                return;
            }
            catch (ApiException e) when (IsRecordError(e))
            {
                await RejectOrFindAsync(import, record, e, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || DbErrors.IsForeignKeyViolation(e))
            {
                // A concurrent writer got in between the checks and the save; checking again names the conflict.
                if (attempt == 2)
                {
                    import.Reject(record.Result, ToStatus(ApiException.Aborted(
                        "CONCURRENT_MODIFICATION",
                        "The record conflicted with a concurrent change; import it again.",
                        TaskMapping.ResourceType)));
                    return;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Rejects a record, unless its task or code is taken because the record itself was imported meanwhile (the same
    /// records streamed twice at once): then it is ALREADY_IMPORTED, as it would have been a moment later.
    /// </summary>
    private async Task RejectOrFindAsync(ImportRun import, ImportRecord record, ApiException error, CancellationToken cancellationToken)
    {
        if (error.Code == ApiErrorCode.AlreadyExists
            && await db.FindIdempotentResponseAsync(Scope, record.Request.RequestId, ImportTaskResult.Parser, cancellationToken) is { } earlier)
        {
            import.AlreadyImported(record.Result, earlier.Task);
            return;
        }

        import.Reject(record.Result, ToStatus(error));
    }

    // A problem with the record itself; the service being unable to judge it (Provinces unreachable) fails the call.
    private static bool IsRecordError(ApiException e) => e.Code is ApiErrorCode.InvalidArgument
        or ApiErrorCode.NotFound
        or ApiErrorCode.AlreadyExists
        or ApiErrorCode.FailedPrecondition
        or ApiErrorCode.OutOfRange;

    private static Google.Rpc.Status ToStatus(ApiException e) => ApiErrorMapping.ToStatus(e, ErrorDomain);

    private static ImportTaskResult Created(string requestId, string task) =>
        new() { RequestId = requestId, Outcome = Outcome.Created, Task = task };

    private static ApiException TooMany() => new(
        ApiErrorCode.InvalidArgument,
        "TOO_MANY_RECORDS",
        $"An ImportTasks call takes at most {MaxRecords} records: split the import into several calls. Records saved "
            + "before this one stay saved; sending them again answers ALREADY_IMPORTED.",
        [new FieldViolation("records", $"at most {MaxRecords} records per call")],
        metadata: new Dictionary<string, string> { ["max_records"] = MaxRecords.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static ApiException AnswerTooLarge() => new(
        ApiErrorCode.InvalidArgument,
        "IMPORT_ANSWER_TOO_LARGE",
        $"The answer to this ImportTasks call would exceed {MaxAnswerBytes} bytes (mostly the errors of rejected records): "
            + "split the import into smaller calls. Records saved so far stay saved; sending them again answers ALREADY_IMPORTED.",
        [new FieldViolation("records", "too many rejected records to answer in one message")]);

    /// <summary>A record read from the stream and the result it will be answered with.</summary>
    private sealed record ImportRecord(ImportTaskResult Result, ImportTasksRequest Request);

    /// <summary>
    /// The records added to the context and not yet saved. TaskCreation sees the batch's ids and codes (it checks the
    /// context's unsaved rows too); only the request_ids, which it does not know, are tracked here.
    /// </summary>
    private sealed class ImportBatch
    {
        private readonly List<(ImportRecord Record, string Task)> _entries = [];
        private readonly HashSet<string> _requestIds = new(StringComparer.Ordinal);

        public bool IsEmpty => _entries.Count == 0;

        public IReadOnlyList<(ImportRecord Record, string Task)> Entries => _entries;

        public bool Holds(string requestId) => _requestIds.Contains(requestId);

        public void Add(ImportRecord record, string task)
        {
            _entries.Add((record, task));
            _requestIds.Add(record.Request.RequestId);
        }

        public void Clear()
        {
            _entries.Clear();
            _requestIds.Clear();
        }
    }

    /// <summary>The answer being built: results in stream order, the counts, and the request_ids this stream created.</summary>
    private sealed class ImportRun
    {
        private readonly Dictionary<string, string> _createdHere = new(StringComparer.Ordinal);

        public ImportTasksResponse Response { get; } = new();

        /// <summary>Bytes the answer takes on the wire so far (results only; the three counts add a few bytes).</summary>
        public long AnswerSize { get; private set; } = 3 * 6;

        public ImportTaskResult Start(int index, ImportTasksRequest request)
        {
            var result = new ImportTaskResult { Index = index, RequestId = request.RequestId };
            Response.Results.Add(result);
            return result;
        }

        public bool TryGetImported(string requestId, out string task) => _createdHere.TryGetValue(requestId, out task!);

        public void Created(ImportTaskResult result, string requestId, string task)
        {
            result.Outcome = Outcome.Created;
            result.Task = task;
            _createdHere[requestId] = task;
            Response.CreatedCount++;
            Count(result);
        }

        public void AlreadyImported(ImportTaskResult result, string task)
        {
            result.Outcome = Outcome.AlreadyImported;
            result.Task = task;
            Response.AlreadyImportedCount++;
            Count(result);
        }

        public void Reject(ImportTaskResult result, Google.Rpc.Status error)
        {
            result.Outcome = Outcome.Rejected;
            result.Error = error;
            Response.FailedCount++;
            Count(result);
        }

        // Each result is one length-delimited field of the response: tag, length, body.
        private void Count(ImportTaskResult result)
        {
            var size = result.CalculateSize();
            AnswerSize += 1 + CodedOutputStream.ComputeLengthSize(size) + size;
        }
    }
}
