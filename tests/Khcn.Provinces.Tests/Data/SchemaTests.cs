using Khcn.Data;
using Khcn.Provinces.Data;
using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.Domain.Departments;
using Khcn.Provinces.Domain.Directives;
using Khcn.Provinces.Domain.Engagements;
using Khcn.Provinces.Domain.Figures;
using Khcn.Provinces.Domain.Officials;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.Domain.Recommendations;
using Khcn.Provinces.V1;
using Khcn.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Absorption = Khcn.Provinces.Domain.Departments.Absorption;
using Department = Khcn.Provinces.Domain.Departments.Department;
using EngagementEntity = Khcn.Provinces.Domain.Engagements.Engagement;
using OfficialEntity = Khcn.Provinces.Domain.Officials.Official;
using Participant = Khcn.Provinces.Domain.Engagements.Participant;
using Khcn.Aip;

namespace Khcn.Provinces.Tests.Data;

/// <summary>
/// The schema comes from hand-written SQL scripts, the mapping from EF Core configuration: these tests
/// prove the two agree on each provider by writing and reading back every entity through EF Core on a
/// database built only by the migration scripts.
/// </summary>
public abstract class SchemaTests
{
    protected abstract Task<ProvincesDbContext> CreateMigratedContextAsync();

    [Fact]
    public async Task Migration_scripts_create_every_table_the_mapping_uses()
    {
        await using var db = await CreateMigratedContextAsync();
        var now = new DateTime(2026, 11, 21, 8, 30, 15, DateTimeKind.Utc);
        var source = new SourceDocument("seed-004", "Tiêu đề", "Phạm Mỹ Hạnh", 20231130, "");

        db.ProvinceUnits.Add(new ProvinceUnit
        {
            Code = "99", ValidFrom = 20250701, DisplayName = "Quảng Trị", FoldedName = "quang tri", SortKey = "k",
            Kind = ProvinceKind.Province, Region = Region.NorthCentralAndCentralCoast, Seat = "Đồng Hới",
        });
        db.Departments.Add(new Department
        {
            ProvinceCode = "99", DisplayName = "Sở Khoa học và Công nghệ", Version = 1, UpdateTime = now,
            AbsorbedUnits = [new Absorption("Sở Thông tin và Truyền thông", 20250301, "55/2025/NĐ-CP")],
        });
        db.Officials.Add(new OfficialEntity
        {
            Id = "vo-van-hung", DisplayName = "Võ Văn Hưng", FoldedName = "vo van hung", Version = 1, CreateTime = now, UpdateTime = now,
            Positions = [new OfficialPosition { OfficialId = "vo-van-hung", Ordinal = 0, Role = PositionRole.PeoplesCommitteeChair, ProvinceCode = "45", StartDate = 20231129, StartBound = 20231129, EndBound = 99991231 }],
        });
        db.Engagements.Add(new EngagementEntity
        {
            Id = "e1", ProvinceCode = "45", Kind = EngagementKind.WorkingSession, Date = 20231129, Source = source,
            Participants = [new Participant("vo-van-hung", "Võ Văn Hưng", "Chủ tịch UBND tỉnh")], Version = 1, CreateTime = now, UpdateTime = now,
        });
        db.Recommendations.Add(new Khcn.Provinces.Domain.Recommendations.Recommendation
        {
            Id = "r1", ProvinceCode = "45", Topic = "ngân sách", RaiseTime = now, CreateTime = now, UpdateTime = now, Version = 1,
            History = [new StateChange(1, "Sở KH&CN", now, "", "", now)],
        });
        db.Directives.Add(new Khcn.Provinces.Domain.Directives.Directive
        {
            Id = "d1", ProvinceCode = "45", IssuedById = "vo-van-hung", Topic = "chiến lược", Addressees = ["Sở KH&CN"],
            IssueTime = now, CreateTime = now, UpdateTime = now, Version = 1,
        });
        db.ReportedFigures.Add(new Khcn.Provinces.Domain.Figures.ReportedFigure
        {
            Id = "f1", ProvinceCode = "12", Metric = "tasks_provincial", Value = 38, Source = source, CreateTime = now,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        Assert.Equal("Đồng Hới", (await db.ProvinceUnits.SingleAsync(p => p.Code == "99")).Seat);
        Assert.Equal("55/2025/NĐ-CP", (await db.Departments.SingleAsync()).AbsorbedUnits.Single().LegalBasis);
        var official = await db.Officials.SingleAsync();
        Assert.Equal(PositionRole.PeoplesCommitteeChair, official.Positions.Single().Role);
        var engagement = await db.Engagements.SingleAsync();
        Assert.Equal("Phạm Mỹ Hạnh", engagement.Source.Author);
        Assert.Equal("Chủ tịch UBND tỉnh", engagement.Participants.Single().Capacity);
        var recommendation = await db.Recommendations.SingleAsync();
        Assert.True(recommendation.IsOpen);
        Assert.Equal(now, DateTime.SpecifyKind(recommendation.History.Single().EventTime, DateTimeKind.Utc).ToUniversalTime());
        Assert.Equal(now, DateTime.SpecifyKind(recommendation.RaiseTime, DateTimeKind.Utc));
        Assert.Equal(["Sở KH&CN"], (await db.Directives.SingleAsync()).Addressees);
        Assert.Equal(38, (await db.ReportedFigures.SingleAsync()).Value);
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var db = await CreateMigratedContextAsync();

        var second = await SchemaMigrator.MigrateAsync(db);

        Assert.Empty(second);
    }
}

public sealed class SchemaTestsOnSqlite : SchemaTests
{
    protected override async Task<ProvincesDbContext> CreateMigratedContextAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("khcn-schema-").FullName, "provinces.db");
        var db = new ProvincesDbContext(new DbContextOptionsBuilder<ProvincesDbContext>().UseSqlite($"Data Source={path}").Options);
        var applied = await SchemaMigrator.MigrateAsync(db);
        Assert.Contains(applied, m => m.Version == 1 && m.Name == "initial_schema");
        return db;
    }
}

public sealed class SchemaTestsOnPostgreSql : SchemaTests
{
    protected override async Task<ProvincesDbContext> CreateMigratedContextAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("schema");
        var db = new ProvincesDbContext(new DbContextOptionsBuilder<ProvincesDbContext>().UseNpgsql(connectionString).Options);
        var applied = await SchemaMigrator.MigrateAsync(db);
        Assert.Contains(applied, m => m.Version == 1 && m.Name == "initial_schema");
        return db;
    }
}
