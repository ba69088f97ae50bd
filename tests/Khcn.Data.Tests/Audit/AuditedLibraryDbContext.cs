using Khcn.Data.Audit;
using Khcn.Data.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Audit;

/// <summary>The library of the other data tests with the audit log in its model: books named "books/{id}", shelves by table and key.</summary>
public sealed class AuditedLibraryDbContext(DbContextOptions<AuditedLibraryDbContext> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Book> Books => Set<Book>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>A context on <paramref name="database"/> (already migrated or not) that audits its writes.</summary>
    public static AuditedLibraryDbContext On(Infrastructure.TestDatabase database) =>
        new(new DbContextOptionsBuilder<AuditedLibraryDbContext>()
            .UseKhcnDatabase(database.Provider, database.Target)
            .AddInterceptors(AuditSaveChangesInterceptor.Instance)
            .Options);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shelf>().ToTable("Shelves");
        modelBuilder.Entity<Book>(book =>
        {
            book.ToTable("Books");
            book.Property(b => b.Version).IsConcurrencyToken();
            book.HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
            book.IsAuditedAs("library.khcn.test/Book", "books/{Id}");
        });
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditEvents();
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
