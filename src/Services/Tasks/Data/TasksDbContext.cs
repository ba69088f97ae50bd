using Khcn.Data;
using Khcn.Data.Audit;
using Khcn.Tasks.Domain.Programmes;
using Khcn.Tasks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Tasks.Data;

/// <summary>
/// The Tasks service's own database. The schema is created by the versioned SQL scripts in Migrations/ (one folder
/// per provider), not by EF Core: the mapping here must match them, which the schema tests check on both providers.
/// </summary>
public sealed class TasksDbContext(DbContextOptions<TasksDbContext> options) : DbContext(options)
{
    // Any constant shared by every instance: the key of the transaction-scoped advisory lock that orders history writes.
    private const long HistoryWriteLockKey = 0x6b68636e_7461736b; // "khcntask"

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ScienceTask> Tasks => Set<ScienceTask>();

    public DbSet<TaskHistoryEntry> History => Set<TaskHistoryEntry>();

    /// <summary>
    /// Raised once history entries are committed by a save that ran outside a caller's transaction (a caller that
    /// opened one commits later; readers then find its entries at their next poll).
    /// </summary>
    public event Action? HistoryCommitted;

    /// <summary>
    /// Saves, and when history entries are among the changes on PostgreSQL, first takes a transaction-scoped advisory
    /// lock. Sequence numbers are handed out at insert but become visible at commit; without the lock two writers could
    /// commit out of order and a watcher that has read up to N would never see the N-1 committed after it. With the lock
    /// held to commit, sequence order is commit order. SQLite already runs one writer at a time.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!HasNewHistory())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await LockHistoryAsync(cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        int written;
        if (Database.IsNpgsql())
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await LockHistoryAsync(cancellationToken);
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Only now are the entries visible to other connections: wake the change-feed readers.
        HistoryCommitted?.Invoke();
        return written;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TasksDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditEvents();
        modelBuilder.Entity<Programme>().IsAuditedAs("tasks.khcn.gov.vn/Programme", "programmes/{Id}");
        modelBuilder.Entity<ScienceTask>().IsAuditedAs("tasks.khcn.gov.vn/Task", "tasks/{Id}");
        // A task's history is the task's own log of the same write, which is audited.
        modelBuilder.Entity<TaskHistoryEntry>().IsNotAudited();
        // SQLite keeps times as text without a kind; every time we store is UTC.
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }

    /// <summary>
    /// Whether history entries wait to be inserted. Added entries are tracked as Added from the moment they are added, so
    /// this looks without DetectChanges: the save runs that pass over every tracked entity once, not twice.
    /// </summary>
    private bool HasNewHistory()
    {
        var detectChanges = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return ChangeTracker.Entries<TaskHistoryEntry>().Any(e => e.State == EntityState.Added);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private Task LockHistoryAsync(CancellationToken cancellationToken) => Database.IsNpgsql()
        ? Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({HistoryWriteLockKey})", cancellationToken)
        : Task.CompletedTask;
}
