using Microsoft.EntityFrameworkCore;

namespace Khcn.Aip.Tests.Filtering;

public sealed class SampleContext(DbContextOptions<SampleContext> options) : DbContext(options)
{
    public DbSet<Sample> Samples => Set<Sample>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Sample>().Property(s => s.Id).ValueGeneratedNever();
}

/// <summary>A real SQLite database file holding <see cref="Samples.All"/>, deleted when the tests finish.</summary>
public sealed class SqliteSampleDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "khcn-aip-tests-" + Guid.NewGuid().ToString("N"));

    public SqliteSampleDatabase()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "samples.db")};Pooling=False";
        using var context = CreateContext();
        context.Database.EnsureCreated();
        context.Samples.AddRange(Samples.All.Select(Copy));
        context.SaveChanges();
    }

    public string ConnectionString { get; }

    public SampleContext CreateContext() =>
        new(new DbContextOptionsBuilder<SampleContext>().UseSqlite(ConnectionString).Options);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Sample Copy(Sample s) => new()
    {
        Id = s.Id, Name = s.Name, FoldedName = s.FoldedName, SortKey = s.SortKey, Code = s.Code, ProvinceCode = s.ProvinceCode,
        Kind = s.Kind, Year = s.Year, Budget = s.Budget, Score = s.Score, Active = s.Active, Date = s.Date, CreatedUtc = s.CreatedUtc,
    };
}
