using Khcn.Data;
using Khcn.Provinces.Domain.Departments;
using Khcn.Provinces.Domain.Directives;
using Khcn.Provinces.Domain.Engagements;
using Khcn.Provinces.Domain.Figures;
using Khcn.Provinces.Domain.Officials;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Provinces.Data;

/// <summary>
/// The Provinces service's own database. The schema is created by the versioned SQL scripts in
/// Migrations/ (one folder per provider), not by EF Core: the mapping here must match them, which
/// the schema tests check on both SQLite and PostgreSQL.
/// </summary>
public sealed class ProvincesDbContext(DbContextOptions<ProvincesDbContext> options) : DbContext(options)
{
    public DbSet<ProvinceUnit> ProvinceUnits => Set<ProvinceUnit>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Official> Officials => Set<Official>();

    public DbSet<OfficialPosition> OfficialPositions => Set<OfficialPosition>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<Directive> Directives => Set<Directive>();

    public DbSet<ReportedFigure> ReportedFigures => Set<ReportedFigure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProvincesDbContext).Assembly);
        modelBuilder.AddIdempotencyRecords();
        // SQLite keeps times as text without a kind; every time we store is UTC.
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
