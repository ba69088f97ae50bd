using Khcn.Services.Tests.Hosting;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>An IP service that loaded seeds/ip at start and can start a second instance on the same database.</summary>
public interface ISeededIpService
{
    /// <summary>Another instance of the service (seeds on) over the fixture's database, Provinces and Tasks services.</summary>
    Task<ServiceHost> StartAgainAsync();
}

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteIpService : SqliteIpService, ISeededIpService
{
    protected override bool LoadSeeds => true;
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlIpService : PostgreSqlIpService, ISeededIpService
{
    protected override bool LoadSeeds => true;
}
