using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Provinces.Tests.Overview;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using static Khcn.Tasks.Tests.Infrastructure.TestTasks;

namespace Khcn.Tasks.Tests.Tasks;

/// <summary>
/// With the Provinces service unreachable, a province code cannot be checked: CreateTask answers UNAVAILABLE rather
/// than guessing, while a list that names no province does not depend on Provinces at all.
/// </summary>
public abstract class TasksWithProvincesDownTests
{
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    [Fact]
    public async Task Province_checks_fail_as_unavailable_and_lists_without_a_province_term_still_answer()
    {
        await using var host = await ServiceHost.StartAsync(
            typeof(TasksGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={ClosedPort.NewAddress()}",
                "--Seeds:Load=false",
                "--ProvinceReference:CallTimeout=00:00:01",
            ]);
        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new TasksService.TasksServiceClient(channel);
        var marker = Marker();

        var create = await RpcErrorAssert.FailsWith(StatusCode.Unavailable, () =>
            client.CreateTaskAsync(new CreateTaskRequest { Task = Marked(marker) }));
        var provinceList = await RpcErrorAssert.FailsWith(StatusCode.Unavailable, () =>
            client.ListTasksAsync(new ListTasksRequest { Filter = "province_code = \"44\"" }));
        var plainList = await client.ListTasksAsync(new ListTasksRequest { Filter = $"{marker} AND year >= 2020" });

        Assert.Equal("PROVINCES_UNAVAILABLE", RpcErrorAssert.Reason(create));
        Assert.Equal("PROVINCES_UNAVAILABLE", RpcErrorAssert.Reason(provinceList));
        Assert.Empty(plainList.Tasks);
        Assert.Equal(0, plainList.TotalSize);
    }
}

public sealed class TasksWithProvincesDownOnSqlite : TasksWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class TasksWithProvincesDownOnPostgreSql : TasksWithProvincesDownTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
