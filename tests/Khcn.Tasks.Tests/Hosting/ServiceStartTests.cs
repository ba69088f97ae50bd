using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Tests.Hosting;

/// <summary>The service starts on each provider with its schema applied and an empty register.</summary>
public abstract class ServiceStartTests(TasksServiceFixture fixture)
{
    [Fact]
    public async Task A_fresh_database_starts_with_the_schema_and_no_programmes()
    {
        var response = await fixture.Client.ListProgrammesAsync(new ListProgrammesRequest());
        Assert.Empty(response.Programmes);
    }
}

public sealed class ServiceStartTestsOnSqlite(SqliteTasksService fixture) : ServiceStartTests(fixture), IClassFixture<SqliteTasksService>;

public sealed class ServiceStartTestsOnPostgreSql(PostgreSqlTasksService fixture) : ServiceStartTests(fixture), IClassFixture<PostgreSqlTasksService>;
