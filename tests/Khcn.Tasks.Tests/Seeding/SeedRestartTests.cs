using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed record afterwards survives every restart. Runs on a seed folder
/// of its own (Seeds:Path) holding two PROPOSED tasks, the only state in which a task can be edited and deleted.
/// </summary>
public abstract class SeedRestartTests
{
    private const string Edited = "tasks/seed-restart-edited";
    private const string Deleted = "tasks/seed-restart-deleted";

    protected abstract Task<string[]> DatabaseArgumentsAsync();

    [Fact]
    public async Task A_restart_neither_restores_a_deleted_seed_task_nor_undoes_an_edit()
    {
        var folder = WriteSeedFolder();
        await using var provinces = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, FreshDatabase.ProvincesSqlite());
        string[] arguments =
        [
            .. await DatabaseArgumentsAsync(),
            $"--services:provinces:http:0={provinces.Address}",
            "--Seeds:Load=true",
            $"--Seeds:Path={folder}",
        ];

        await using (var first = await ServiceHost.StartAsync(typeof(TasksGrpcService).Assembly, arguments))
        {
            using var channel = GrpcChannel.ForAddress(first.Address);
            var client = new TasksService.TasksServiceClient(channel);
            var edited = await client.GetTaskAsync(new GetTaskRequest { Name = Edited });
            edited.Title = "Tên đã sửa qua API";
            await client.UpdateTaskAsync(new UpdateTaskRequest { Task = edited, UpdateMask = new() { Paths = { "title" } } });
            await client.DeleteTaskAsync(new DeleteTaskRequest { Name = Deleted });
        }

        await using var second = await ServiceHost.StartAsync(typeof(TasksGrpcService).Assembly, arguments);
        using var secondChannel = GrpcChannel.ForAddress(second.Address);
        var again = new TasksService.TasksServiceClient(secondChannel);

        Assert.Equal("Tên đã sửa qua API", (await again.GetTaskAsync(new GetTaskRequest { Name = Edited })).Title);
        await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => again.GetTaskAsync(new GetTaskRequest { Name = Deleted }));
    }

    private static string WriteSeedFolder()
    {
        var folder = Directory.CreateTempSubdirectory("khcn-task-seeds-").FullName;
        File.WriteAllText(Path.Combine(folder, "programmes.json"), """{ "programmes": [] }""");
        File.WriteAllText(Path.Combine(folder, "tasks.json"), $$"""
            { "tasks": [
              { "name": "{{Edited}}", "title": "Nhiệm vụ thử nghiệm A", "kind": "RESEARCH_TOPIC", "level": "PROVINCIAL",
                "provinceCode": "12", "hostOrganisation": { "displayName": "Sở Khoa học và Công nghệ tỉnh Lai Châu" } },
              { "name": "{{Deleted}}", "title": "Nhiệm vụ thử nghiệm B", "kind": "RESEARCH_TOPIC", "level": "PROVINCIAL",
                "provinceCode": "12", "hostOrganisation": { "displayName": "Sở Khoa học và Công nghệ tỉnh Lai Châu" } }
            ] }
            """);
        return folder;
    }
}

public sealed class SeedRestartOnSqlite : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedRestartOnPostgreSql : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
