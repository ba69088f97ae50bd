using Khcn.Data;
using Khcn.Services.Tests;
using Khcn.Tasks.Seeding;
using Khcn.Tasks.V1;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Seeding;

/// <summary>
/// seeds/tasks in the checkout: the files the service copies next to its binary and loads at start, and the
/// SOURCES.md that says where each record comes from.
/// </summary>
internal static class TaskSeedFiles
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "seeds", "tasks");

    public static string ProgrammesPath => Path.Combine(Folder, SeedLoader.ProgrammesFile);

    public static string TasksPath => Path.Combine(Folder, SeedLoader.TasksFile);

    public static string SourcesPath => Path.Combine(Folder, "SOURCES.md");

    public static IReadOnlyList<Programme> Programmes() => SeedFile.Read<Programme>(ProgrammesPath, "programmes");

    public static IReadOnlyList<TaskMessage> Tasks() => SeedFile.Read<TaskMessage>(TasksPath, "tasks");
}
