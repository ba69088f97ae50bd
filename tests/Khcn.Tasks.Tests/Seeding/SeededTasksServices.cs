using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>A Tasks service that loaded seeds/tasks at start and can start a second instance on the same database.</summary>
public interface ISeededTasksService
{
    /// <summary>Another instance of the service (seeds on) over the fixture's database and Provinces service.</summary>
    Task<ServiceHost> StartAgainAsync();
}

/// <summary>The seeded service on a fresh SQLite file.</summary>
public sealed class SeededSqliteTasksService : SqliteTasksService, ISeededTasksService
{
    protected override bool LoadSeeds => true;
}

/// <summary>The seeded service on a fresh database of the test run's PostgreSQL server.</summary>
public sealed class SeededPostgreSqlTasksService : PostgreSqlTasksService, ISeededTasksService
{
    protected override bool LoadSeeds => true;
}
