using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Processes;
using Khcn.Hosting.Runners;
using Khcn.Hosting.Tests.Processes;

namespace Khcn.Hosting.Tests.Resources;

/// <summary>The PostgreSQL server and database resources against a real cluster (one for the class, two of their own).</summary>
public sealed class PostgresRunnerTests(PostgresRunnerTests.RunningCluster cluster) : IClassFixture<PostgresRunnerTests.RunningCluster>
{
    [Fact]
    public async Task Server_BecomesReadyForPgIsReady()
    {
        Assert.True(await cluster.Server.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public void Server_RunsAsThePostgresUserWhenTheAppHostIsRoot()
    {
        var expected = Environment.IsPrivilegedProcess ? UserAccount.Find("postgres")!.UserId : ProcFile.Ids(Environment.ProcessId, "Uid")[0];

        Assert.All(ProcFile.Ids(cluster.Server.Process!.Id, "Uid"), id => Assert.Equal(expected, id));
    }

    [Fact]
    public async Task Database_IsReachableWithTheConnectionStringOfItsResource()
    {
        var (exitCode, output) = await PsqlClient.QueryAsync(cluster.Database.GetConnectionString()!, "select current_database()");

        Assert.Equal(0, exitCode);
        Assert.Equal(cluster.Database.DatabaseName, output);
    }

    [Fact]
    public async Task Server_RefusesAWrongPassword()
    {
        var wrong = cluster.Database.GetConnectionString()!.Replace(cluster.ServerResource.Password, "wrong-password", StringComparison.Ordinal);

        var (exitCode, output) = await PsqlClient.QueryAsync(wrong, "select 1");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("password authentication failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseRunner_KeepsAnExistingDatabase()
    {
        var again = new PostgresDatabaseRunner(cluster.Database);

        await again.StartAsync(cluster.DatabaseScope.Context, CancellationToken.None);

        Assert.True(await again.IsHealthyAsync(CancellationToken.None));
        Assert.Null(again.Process);
    }

    [Fact]
    public async Task ServerLog_GoesToTheResourceLog()
    {
        Assert.True(await Eventually.TrueAsync(() =>
            cluster.ServerScope.LogText().Contains("database system is ready to accept connections", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Restart_AfterACrash_ReusesTheDataOfTheCluster()
    {
        var (server, database) = NewPostgres();
        await using var scope = new ResourceRunScope(server);
        await using var runner = new PostgresServerRunner(server);
        await runner.StartAsync(scope.Context, CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));
        await new PostgresDatabaseRunner(database).StartAsync(scope.Context, CancellationToken.None);
        Assert.Equal(0, (await PsqlClient.QueryAsync(database.GetConnectionString()!, "create table survivor (id int)")).ExitCode);

        await runner.Process!.StopAsync(PosixSignal.Kill, TimeSpan.Zero);
        await runner.StartAsync(scope.Context, CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));

        var (exitCode, output) = await PsqlClient.QueryAsync(database.GetConnectionString()!, "select count(*) from survivor");
        Assert.Equal(0, exitCode);
        Assert.Equal("0", output);
    }

    [Fact]
    public async Task StopThenDispose_EndsTheServerAndDeletesTheClusterDirectory()
    {
        var (server, _) = NewPostgres();
        await using var scope = new ResourceRunScope(server);
        var runner = new PostgresServerRunner(server);
        await runner.StartAsync(scope.Context, CancellationToken.None);
        var directory = runner.ClusterDirectory!;
        Assert.True(Directory.Exists(Path.Combine(directory, "data")));
        Assert.True(await Eventually.TrueAsync(() => runner.IsHealthyAsync(CancellationToken.None)));

        await runner.StopAsync(CancellationToken.None);
        Assert.True(runner.Process!.HasExited);
        Assert.False(await runner.IsHealthyAsync(CancellationToken.None));
        await runner.DisposeAsync();

        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task WithoutPostgres_TheServerAndItsDatabasesFallBack()
    {
        var (server, database) = NewPostgres();
        await using var scope = new ResourceRunScope(server);
        await using var serverRunner = new PostgresServerRunner(server, findInstallation: () => null);
        await using var databaseRunner = new PostgresDatabaseRunner(database);

        await serverRunner.StartAsync(scope.Context, CancellationToken.None);
        await databaseRunner.StartAsync(scope.Context, CancellationToken.None);

        Assert.Contains("SQLite", Assert.Single(server.Annotations.OfType<FallbackAnnotation>()).Message, StringComparison.Ordinal);
        Assert.Contains("SQLite", Assert.Single(database.Annotations.OfType<FallbackAnnotation>()).Message, StringComparison.Ordinal);
        Assert.Null(server.GetConnectionString());
        Assert.Null(database.GetConnectionString());
        Assert.Null(serverRunner.Process);
        Assert.Null(serverRunner.ClusterDirectory);
    }

    private static (PostgresServerResource Server, PostgresDatabaseResource Database) NewPostgres()
    {
        var server = DistributedApplication.CreateBuilder([]).AddPostgres("postgres");
        return (server.Resource, server.AddDatabase("tasks-db", "tasks").Resource);
    }

    /// <summary>A server started once for the class, with one database created by its runner.</summary>
    public sealed class RunningCluster : IAsyncLifetime
    {
        public PostgresServerResource ServerResource { get; private set; } = null!;

        public PostgresDatabaseResource Database { get; private set; } = null!;

        internal PostgresServerRunner Server { get; private set; } = null!;

        internal ResourceRunScope ServerScope { get; private set; } = null!;

        internal ResourceRunScope DatabaseScope { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (ServerResource, Database) = NewPostgres();
            ServerScope = new ResourceRunScope(ServerResource);
            DatabaseScope = new ResourceRunScope(Database);
            Server = new PostgresServerRunner(ServerResource);
            await Server.StartAsync(ServerScope.Context, CancellationToken.None);
            Assert.True(await Eventually.TrueAsync(() => Server.IsHealthyAsync(CancellationToken.None)), "The cluster did not become ready.");
            await new PostgresDatabaseRunner(Database).StartAsync(DatabaseScope.Context, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            await Server.StopAsync(CancellationToken.None);
            await Server.DisposeAsync();
            await DatabaseScope.DisposeAsync();
            await ServerScope.DisposeAsync();
        }
    }
}
