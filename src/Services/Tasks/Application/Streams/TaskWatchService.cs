using Grpc.Core;
using Khcn.Aip;
using Khcn.ProvinceReference;
using Khcn.Tasks.Application.History;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Data;
using Khcn.Tasks.Domain.Tasks;
using Khcn.Tasks.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChangeType = Khcn.Tasks.V1.WatchTasksResponse.Types.ChangeType;
using EventType = Khcn.Tasks.V1.TaskEvent.Types.Type;

namespace Khcn.Tasks.Application.Streams;

/// <summary>
/// WatchTasks: the task history as a change feed. Every history entry after the resume position is one change, sent
/// in sequence order (which is commit order, see TasksDbContext) with a resume token to continue after it. The
/// ListTasks filter is applied to the task as it was right after each change, in memory.
/// </summary>
public sealed class TaskWatchService(
    TasksDbContext db,
    IProvinceReference provinces,
    TaskChangeSignal changes,
    IOptions<TaskStreamOptions> options)
{
    /// <summary>History entries read per query.</summary>
    internal const int BatchSize = 500;

    /// <summary>
    /// Streams the changes after the request's resume position until the call ends. <paramref name="started"/> runs once
    /// that position is fixed (the gRPC method sends the response headers then): a client that awaits the headers
    /// knows every change committed afterwards will reach it.
    /// </summary>
    public async Task WatchAsync(
        WatchTasksRequest request,
        IServerStreamWriter<WatchTasksResponse> responses,
        Func<Task> started,
        CancellationToken cancellationToken)
    {
        // The catalog of the call's start expands province_code for the whole watch: lineages change once in years.
        var filters = await TaskFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken);
        var matches = Filters.Compile(request.Filter, filters)?.Compile();
        var last = await StartAfterAsync(request.ResumeToken, cancellationToken);
        var pollInterval = options.Value.WatchPollInterval;
        await started();

        try
        {
            while (true)
            {
                // Taken before reading, so a commit that lands while we read still wakes the wait below.
                var committed = changes.NextAsync();
                var entries = await db.History.AsNoTracking()
                    .Where(e => e.Sequence > last)
                    .OrderBy(e => e.Sequence)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);

                foreach (var entry in entries)
                {
                    last = entry.Sequence;
                    var taskEvent = TaskEventMapping.ToProto(entry);
                    if (matches is null || matches(TaskSnapshots.ToEntity(taskEvent.TaskSnapshot)))
                    {
                        // Awaiting the write is the back-pressure: a slow watcher slows its own reads, nobody else's.
                        await responses.WriteAsync(ToChange(entry, taskEvent), cancellationToken);
                    }
                }

                if (entries.Count < BatchSize)
                {
                    await WaitForChangesAsync(committed, pollInterval, cancellationToken);
                }
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or InvalidOperationException)
        {
            // The client went away or the server is stopping (a write then fails as "call cancelled"): the watch ends.
        }
    }

    /// <summary>One history entry (and its event, already read for the filter) as a change of the feed.</summary>
    private static WatchTasksResponse ToChange(TaskHistoryEntry entry, TaskEvent taskEvent)
    {
        var changeType = entry.Type switch
        {
            EventType.Created => ChangeType.Added,
            EventType.Deleted => ChangeType.Removed,
            _ => ChangeType.Modified,
        };
        return new WatchTasksResponse
        {
            ChangeType = changeType,
            Task = changeType == ChangeType.Removed ? new V1.Task { Name = taskEvent.TaskSnapshot.Name } : taskEvent.TaskSnapshot,
            Event = taskEvent,
            ResumeToken = WatchResumeTokens.Encode(entry.Sequence),
        };
    }

    /// <summary>The sequence to send changes after: the token's, or the newest one when starting from now.</summary>
    private async Task<long> StartAfterAsync(string resumeToken, CancellationToken cancellationToken)
    {
        // Decoded first: a malformed token is the client's mistake whatever the feed holds.
        long? resumeAfter = string.IsNullOrEmpty(resumeToken) ? null : WatchResumeTokens.Decode(resumeToken);
        var newest = await db.History.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        if (resumeAfter is not { } sequence)
        {
            return newest;
        }

        if (sequence > newest)
        {
            // Never issued by this feed (another database, or one restored from an older backup): resuming would
            // silently skip whatever gets those numbers here.
            throw ApiException.OutOfRange(
                "RESUME_TOKEN_EXPIRED",
                "The resume_token is not valid for this change feed: start a new watch without it and re-read the tasks.",
                new FieldViolation("resume_token", "points after the newest change of this feed"));
        }

        return sequence;
    }

    private static async Task WaitForChangesAsync(Task committed, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(committed, Task.Delay(pollInterval, poll.Token));
        await poll.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
