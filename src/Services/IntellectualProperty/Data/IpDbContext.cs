using Khcn.Data;
using Khcn.Data.Audit;
using Khcn.IntellectualProperty.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace Khcn.IntellectualProperty.Data;

/// <summary>
/// The IntellectualProperty service's own database. The schema is created by the versioned SQL scripts in Migrations/
/// (one folder per provider), not by EF Core: the mapping here must match them, which the schema tests check on both
/// providers.
/// </summary>
public sealed class IpDbContext(DbContextOptions<IpDbContext> options) : DbContext(options)
{
    public DbSet<IpAsset> Assets => Set<IpAsset>();

    public DbSet<AssetHistoryEntry> History => Set<AssetHistoryEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IpDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditEvents();
        modelBuilder.Entity<IpAsset>().IsAuditedAs("ip.khcn.gov.vn/Asset", "assets/{Id}");
        // An asset's history is the asset's own log of the same write, which is audited.
        modelBuilder.Entity<AssetHistoryEntry>().IsNotAudited();
        // SQLite keeps times as text without a kind; every time we store is UTC.
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
