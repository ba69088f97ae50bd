using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Paging;

/// <summary>A context configured like a service's (UTC times, snake_case names) over the paged_rows table.</summary>
public sealed class PagingDbContext(DbContextOptions<PagingDbContext> options) : DbContext(options)
{
    public DbSet<PagedRow> Rows => Set<PagedRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PagedRow>().ToTable("PagedRows");
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
