using System.Reflection;
using Grpc.Net.Client;
using Khcn.Tasks.Grpc;
using Khcn.Tasks.Tests.Infrastructure;
using Khcn.Tasks.V1;
using Khcn.Tests.Seeding;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed task afterwards survives every restart. Runs on a seed folder of
/// its own (Seeds:Path) holding two PROPOSED tasks, the only state in which a task can be edited and deleted.
/// </summary>
public abstract class SeedRestartTests : SeedRestartTestBase<TasksService.TasksServiceClient>
{
    protected override Assembly ServiceAssembly => typeof(TasksGrpcService).Assembly;

    protected override string Collection => "tasks";

    protected override TasksService.TasksServiceClient CreateClient(GrpcChannel channel) => new(channel);

    protected override void WriteSeeds(string folder, string editedName, string deletedName)
    {
        File.WriteAllText(Path.Combine(folder, "programmes.json"), """{ "programmes": [] }""");
        File.WriteAllText(Path.Combine(folder, "tasks.json"), $$"""
            { "tasks": [
              { "name": "{{editedName}}", "title": "Nhiệm vụ thử nghiệm A", "kind": "RESEARCH_TOPIC", "level": "PROVINCIAL",
                "provinceCode": "12", "hostOrganisation": { "displayName": "Sở Khoa học và Công nghệ tỉnh Lai Châu" } },
              { "name": "{{deletedName}}", "title": "Nhiệm vụ thử nghiệm B", "kind": "RESEARCH_TOPIC", "level": "PROVINCIAL",
                "provinceCode": "12", "hostOrganisation": { "displayName": "Sở Khoa học và Công nghệ tỉnh Lai Châu" } }
            ] }
            """);
    }

    protected override async Task<string> TitleOfAsync(TasksService.TasksServiceClient client, string name) =>
        (await client.GetTaskAsync(new GetTaskRequest { Name = name })).Title;

    protected override async Task RetitleAsync(TasksService.TasksServiceClient client, string name, string title)
    {
        var task = await client.GetTaskAsync(new GetTaskRequest { Name = name });
        task.Title = title;
        await client.UpdateTaskAsync(new UpdateTaskRequest { Task = task, UpdateMask = new() { Paths = { "title" } } });
    }

    protected override async Task DeleteAsync(TasksService.TasksServiceClient client, string name) =>
        await client.DeleteTaskAsync(new DeleteTaskRequest { Name = name });
}

public sealed class SeedRestartOnSqlite : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedRestartOnPostgreSql : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
