using Khcn.Tests.Seeding;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteIpService : SqliteIpService, ISeededService
{
    protected override bool LoadSeeds => true;
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlIpService : PostgreSqlIpService, ISeededService
{
    protected override bool LoadSeeds => true;
}
