using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.Data.Audit;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every inserted, changed or deleted row to the SaveChanges that writes it, so
/// the write and its audit rows commit together or not at all. Only while an <see cref="AuditCall"/> is current:
/// seed loading and other work outside a call pass through untouched (and at no cost). A singleton without state,
/// because pooled contexts share their options.
/// </summary>
public sealed class AuditSaveChangesInterceptor : SaveChangesInterceptor
{
    public static AuditSaveChangesInterceptor Instance { get; } = new(TimeProvider.System);

    private readonly TimeProvider _clock;

    public AuditSaveChangesInterceptor(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetAuditEntries(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetAuditEntries(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => ForgetAuditEntries(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetAuditEntries(eventData.Context);
        return Task.CompletedTask;
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is null || AuditCall.Current is not { } call) return;

        // The values must be final before they are copied: detect changes now, not after this returns.
        context.ChangeTracker.DetectChanges();
        var eventTime = _clock.GetUtcNow().UtcDateTime;
        var audited = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only: an audit row cannot be deleted.");
            }
            if (!AuditModel.IsAudited(entry.Metadata)) continue;
            if (AuditEntries.From(entry, call, eventTime) is { } row) audited.Add(row);
        }
        context.AddRange(audited);
    }

    // A failed save leaves its entities tracked, and callers retry after fixing them (ResourceWrites' idempotent
    // create clears the tracker, others may not): the next save writes fresh audit rows, so these must not linger.
    private static void ForgetAuditEntries(DbContext? context)
    {
        if (context is null || AuditCall.Current is null) return;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
