using Khcn.Data;
using Khcn.Data.Audit;
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
        modelBuilder.AddAuditEvents();
        modelBuilder.Entity<ProvinceUnit>().IsAuditedAs("provinces.khcn.gov.vn/Province", "provinces/{Code}");
        modelBuilder.Entity<Department>().IsAuditedAs("provinces.khcn.gov.vn/Department", "provinces/{ProvinceCode}/department");
        modelBuilder.Entity<Official>().IsAuditedAs("provinces.khcn.gov.vn/Official", "officials/{Id}");
        modelBuilder.Entity<Engagement>().IsAuditedAs("provinces.khcn.gov.vn/Engagement", "engagements/{Id}");
        modelBuilder.Entity<Recommendation>().IsAuditedAs("provinces.khcn.gov.vn/Recommendation", "recommendations/{Id}");
        modelBuilder.Entity<Directive>().IsAuditedAs("provinces.khcn.gov.vn/Directive", "directives/{Id}");
        modelBuilder.Entity<ReportedFigure>().IsAuditedAs("provinces.khcn.gov.vn/ReportedFigure", "reportedFigures/{Id}");
        // Official positions keep the default name, their table and key ("official_positions/{official}/{ordinal}").
        // SQLite keeps times as text without a kind; every time we store is UTC.
        modelBuilder.ApplyUtcDateTimes();
        modelBuilder.ApplySnakeCaseNames();
    }
}
