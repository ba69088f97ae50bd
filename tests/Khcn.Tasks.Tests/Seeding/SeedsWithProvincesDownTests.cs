using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Provinces.Tests.Overview;
using Khcn.Redis.Tests.Infrastructure;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// Seed tasks need the Provinces service (their province codes are checked). When it is down at start-up the Tasks
/// service still starts and serves, without the tasks, and loads them in the background once Provinces answers.
/// </summary>
public abstract class SeedsWithProvincesDownTests
{
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    [Fact]
    public async Task The_service_starts_without_provinces_and_loads_the_seed_tasks_once_provinces_answers()
    {
        var provincesAddress = ClosedPort.NewAddress();
        var seedTask = TaskSeedFiles.Tasks()[0].Name;

        await using var tasks = await ServiceHost.StartAsync(
            typeof(TasksGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={provincesAddress}",
                "--Seeds:Load=true",
                "--Seeds:RetryInterval=00:00:00.200",
                "--ProvinceReference:CallTimeout=00:00:03",
            ]);
        using var channel = GrpcChannel.ForAddress(tasks.Address);
        var client = new TasksService.TasksServiceClient(channel);

        // Serving, with what needs no province check (the programmes), and without the tasks.
        var programmes = await client.ListProgrammesAsync(new ListProgrammesRequest { PageSize = 1000 });
        Assert.Equal(TaskSeedFiles.Programmes().Select(p => p.Name).Order(), programmes.Programmes.Select(p => p.Name).Order());
        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => client.GetTaskAsync(new GetTaskRequest { Name = seedTask }));

        await using var provinces = await ServiceHost.StartAsync(
            typeof(ProvincesGrpcService).Assembly,
            [.. FreshDatabase.ProvincesSqlite(), "--urls", provincesAddress.ToString()]);

        await Eventually.TrueAsync(
            async () => (await client.GetTaskAsync(new GetTaskRequest { Name = seedTask })).Name == seedTask,
            $"{seedTask} is loaded after the Provinces service started");
        var loaded = await client.ListTasksAsync(new ListTasksRequest { PageSize = 1000 });
        Assert.Equal(TaskSeedFiles.Tasks().Select(t => t.Name).Order(), loaded.Tasks.Select(t => t.Name).Order());
    }
}

public sealed class SeedsWithProvincesDownOnSqlite : SeedsWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedsWithProvincesDownOnPostgreSql : SeedsWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
