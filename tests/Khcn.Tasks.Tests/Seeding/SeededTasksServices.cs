using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tests.Seeding;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteTasksService : SqliteTasksService, ISeededService
{
    protected override bool LoadSeeds => true;
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlTasksService : PostgreSqlTasksService, ISeededService
{
    protected override bool LoadSeeds => true;
}
