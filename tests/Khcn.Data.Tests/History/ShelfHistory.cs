using Khcn.Aip;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.History;

public enum ShelfEventType
{
    Unspecified,
    Created,
    Renamed,
    Deleted,
}

public enum ShelfState
{
    Unspecified,
    Open,
    Closed,
}

/// <summary>A service-shaped history entry: the shared columns plus the id of the shelf it belongs to.</summary>
public sealed class ShelfHistoryEntry : HistoryEntry<ShelfEventType, ShelfState>
{
    private ShelfHistoryEntry()
    {
    }

    public ShelfHistoryEntry(string shelfId, HistoryChange<ShelfEventType, ShelfState> change)
        : base(change) => ShelfId = shelfId;

    public string ShelfId { get; private init; } = "";
}

public sealed class ShelfHistoryDbContext(DbContextOptions<ShelfHistoryDbContext> options) : DbContext(options)
{
    public DbSet<ShelfHistoryEntry> History => Set<ShelfHistoryEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShelfHistoryEntry>(entity =>
        {
            entity.ToTable("ShelfEvents");
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).ValueGeneratedOnAdd();
        });
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }

    public static ShelfHistoryDbContext Open(DatabaseProvider provider, string target) =>
        new(new DbContextOptionsBuilder<ShelfHistoryDbContext>().UseKhcnDatabase(provider, target).Options);

    public static Transition At(DateTime time, string actor = "") => new(actor, time, "", "", time);
}
