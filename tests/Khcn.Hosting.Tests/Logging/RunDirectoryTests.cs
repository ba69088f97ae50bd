using Khcn.Hosting.Logging;

namespace Khcn.Hosting.Tests.Logging;

public sealed class RunDirectoryTests : IDisposable
{
    // Above the kernel's largest pid (2^22), so never a live process: such runs are always prunable.
    private const int DeadProcessId = 999_999_999;
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 21, 30, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("khcn-hosting-runs-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void CreatesTheRunFolderNamedByTimeAndProcessWithALogsSubfolder()
    {
        var run = RunDirectory.Create(_root.FullName, keep: 5, Now);

        Assert.Equal(Path.Combine(_root.FullName, $"20261121-213000-{Environment.ProcessId}"), run);
        Assert.True(Directory.Exists(Path.Combine(run, "logs")));
    }

    [Fact]
    public void DeletesTheOldestRunsBeyondKeep()
    {
        string[] older = ["20260101-000000", "20260102-000000", "20260103-000000", "20260104-000000"];
        foreach (var started in older)
        {
            Directory.CreateDirectory(Path.Combine(_root.FullName, $"{started}-{DeadProcessId}", "logs"));
        }

        var run = RunDirectory.Create(_root.FullName, keep: 3, Now);

        Assert.Equal(
            [$"20260103-000000-{DeadProcessId}", $"20260104-000000-{DeadProcessId}", Path.GetFileName(run)],
            FolderNames());
    }

    [Fact]
    public void LeavesFoldersAndFilesThatAreNotRunsAlone()
    {
        string[] unrelated = ["notes", "20260101-000000", "20260101-000000-12x", "x20260101-000000-12"];
        foreach (var name in unrelated)
        {
            Directory.CreateDirectory(Path.Combine(_root.FullName, name));
        }

        File.WriteAllText(Path.Combine(_root.FullName, $"20200101-000000-{DeadProcessId}"), "a file, not a run");

        var run = RunDirectory.Create(_root.FullName, keep: 1, Now);

        Assert.Equal(unrelated.Append(Path.GetFileName(run)).Order(StringComparer.Ordinal), FolderNames());
        Assert.True(File.Exists(Path.Combine(_root.FullName, $"20200101-000000-{DeadProcessId}")));
    }

    [Fact]
    public void KeepsTheFolderOfAnotherAppHostThatStillRuns()
    {
        // Process 1 always runs: its run folder belongs to a live AppHost (another terminal, another test run).
        var live = Path.Combine(_root.FullName, "20200101-000000-1");
        var dead = Path.Combine(_root.FullName, $"20200101-000001-{DeadProcessId}");
        Directory.CreateDirectory(live);
        Directory.CreateDirectory(dead);

        RunDirectory.Create(_root.FullName, keep: 1, Now);

        Assert.True(Directory.Exists(live));
        Assert.False(Directory.Exists(dead));
    }

    [Fact]
    public void RunsOfThisProcessAreCountedLikeAnyOther()
    {
        var first = RunDirectory.Create(_root.FullName, keep: 2, Now);
        var second = RunDirectory.Create(_root.FullName, keep: 2, Now.AddMinutes(1));
        var third = RunDirectory.Create(_root.FullName, keep: 2, Now.AddMinutes(2));

        Assert.False(Directory.Exists(first));
        Assert.Equal([Path.GetFileName(second), Path.GetFileName(third)], FolderNames());
    }

    private string[] FolderNames() =>
        [.. Directory.GetDirectories(_root.FullName).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
