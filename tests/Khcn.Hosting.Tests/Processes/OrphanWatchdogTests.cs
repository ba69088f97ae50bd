using System.Diagnostics;
using Khcn.Hosting.Processes;
using Khcn.Hosting.Tests.Resources;

namespace Khcn.Hosting.Tests.Processes;

/// <summary>What happens to the children when the AppHost (played by a sleep process) is killed without stopping them.</summary>
public sealed class OrphanWatchdogTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("khcn-orphans-");
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task Children_listed_in_the_registry_are_terminated_once_the_AppHost_is_gone()
    {
        var appHost = Start("sleep", "600");
        var child = Start("sleep", "600");
        var registry = new ChildProcessRegistry(Path.Combine(_directory.FullName, "children"));
        registry.Add(child.Id);
        using var watchdog = OrphanWatchdog.Start(registry, appHost.Id);

        appHost.Kill();

        Assert.True(await Eventually.TrueAsync(() => child.HasExited), "the orphaned child was not terminated");
    }

    [Fact]
    public async Task A_child_that_ignores_SIGTERM_is_killed()
    {
        var appHost = Start("sleep", "600");
        var stubborn = Start("sh", "-c", "trap '' TERM; while :; do sleep 0.1; done");
        var registry = new ChildProcessRegistry(Path.Combine(_directory.FullName, "children"));
        registry.Add(stubborn.Id);
        using var watchdog = OrphanWatchdog.Start(registry, appHost.Id);

        appHost.Kill();

        Assert.True(await Eventually.TrueAsync(() => stubborn.HasExited), "the child ignoring SIGTERM was not killed");
    }

    [Fact]
    public async Task A_process_whose_start_time_differs_from_the_registered_one_is_left_alone()
    {
        var appHost = Start("sleep", "600");
        var unrelated = Start("sleep", "600");
        var marker = Start("sleep", "600");
        var file = Path.Combine(_directory.FullName, "children");
        var registry = new ChildProcessRegistry(file);
        registry.Add(marker.Id);
        // The same pid with another start time: what a pid reused after the child's exit looks like.
        File.AppendAllText(file, $"{unrelated.Id} {ProcStat.StartTime(unrelated.Id) + 1}\n");
        using var watchdog = OrphanWatchdog.Start(registry, appHost.Id);

        appHost.Kill();

        Assert.True(await Eventually.TrueAsync(() => marker.HasExited));
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the watchdog's SIGKILL round
        Assert.False(unrelated.HasExited);
    }

    [Fact]
    public void Registry_lists_live_children_with_their_start_time_and_forgets_removed_ones()
    {
        var first = Start("sleep", "600");
        var second = Start("sleep", "600");
        var registry = new ChildProcessRegistry(Path.Combine(_directory.FullName, "children"));

        registry.Add(first.Id);
        registry.Add(second.Id);
        registry.Remove(first.Id);

        Assert.Equal([$"{second.Id} {ProcStat.StartTime(second.Id)}"], File.ReadAllLines(registry.FilePath));
    }

    [Fact]
    public async Task Disposing_the_watchdog_after_a_normal_stop_leaves_the_children_alone()
    {
        var appHost = Start("sleep", "600");
        var child = Start("sleep", "600");
        var registry = new ChildProcessRegistry(Path.Combine(_directory.FullName, "children"));
        registry.Add(child.Id);
        var watchdog = OrphanWatchdog.Start(registry, appHost.Id);

        watchdog.Dispose();
        appHost.Kill();

        await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the watchdog's one-second poll
        Assert.False(child.HasExited);
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.WaitForExit();
            process.Dispose();
        }

        _directory.Delete(recursive: true);
    }

    private Process Start(string program, params string[] args)
    {
        var process = Process.Start(program, args);
        _processes.Add(process);
        return process;
    }
}
