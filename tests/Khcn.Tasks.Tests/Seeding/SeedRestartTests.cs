using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Infrastructure;
using Khcn.Tests.Seeding;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed record afterwards survives every restart. Runs on a seed folder
/// of its own (Seeds:Path) holding two PROPOSED tasks, the only state in which a task can be edited and deleted.
/// </summary>
public abstract class SeedRestartTests : SeedRestartTestBase<TasksService.TasksServiceClient>
{
    private const string Edited = "tasks/seed-restart-edited";
    private const string Deleted = "tasks/seed-restart-deleted";

    protected override Assembly ServiceAssembly => typeof(TasksGrpcService).Assembly;

    protected override TasksService.TasksServiceClient CreateClient(GrpcChannel channel) => new(channel);

    [Fact]
    public async Task A_restart_neither_restores_a_deleted_seed_task_nor_undoes_an_edit()
    {
        await RestartBetweenAsync(
            WriteSeedFolder(),
            async client =>
            {
                var edited = await client.GetTaskAsync(new GetTaskRequest { Name = Edited });
                edited.Title = "Tên đã sửa qua API";
                await client.UpdateTaskAsync(new UpdateTaskRequest { Task = edited, UpdateMask = new() { Paths = { "title" } } });
                await client.DeleteTaskAsync(new DeleteTaskRequest { Name = Deleted });
            },
            async again =>
            {
                Assert.Equal("Tên đã sửa qua API", (await again.GetTaskAsync(new GetTaskRequest { Name = Edited })).Title);
                await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => again.GetTaskAsync(new GetTaskRequest { Name = Deleted }));
            });
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
