using Microsoft.EntityFrameworkCore;

namespace Khcn.Data.Tests.Model;

/// <summary>A service-shaped context: its migrations are embedded in this test assembly.</summary>
public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shelf>().ToTable("Shelves");
        modelBuilder.Entity<Book>(book =>
        {
            book.ToTable("Books");
            book.Property(b => b.Version).IsConcurrencyToken();
            book.HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
            book.HasIndex(b => b.Title);
        });
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
