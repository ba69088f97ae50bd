using System.Globalization;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>One process as /proc knows it. The start time tells it apart from a later process given the same pid.</summary>
public sealed record ProcessIdentity(int Pid, int ParentPid, ulong StartTime, string Command)
{
    /// <summary>Still running: the same process (not a reused pid) and not a zombie waiting to be reaped.</summary>
    public bool IsAlive => ProcessTree.Read(Pid) is { } now && now.StartTime == StartTime && !now.IsZombie;

    internal bool IsZombie { get; init; }

    public override string ToString() => $"{Pid} ({Command})";
}

/// <summary>The processes below a process, found by following parent pids through /proc/*/stat.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<ProcessIdentity> DescendantsOf(int pid)
    {
        var byParent = ReadAll().ToLookup(p => p.ParentPid);
        var descendants = new List<ProcessIdentity>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in byParent[parent])
            {
                descendants.Add(child);
                pending.Enqueue(child.Pid);
            }
        }

        return descendants;
    }

    internal static ProcessIdentity? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // gone between listing /proc and reading it
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields count from the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcessIdentity(
            pid,
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            ulong.Parse(fields[19], CultureInfo.InvariantCulture),
            CommandLine(pid))
        {
            IsZombie = fields[0] == "Z",
        };
    }

    private static IEnumerable<ProcessIdentity> ReadAll()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { } process)
            {
                yield return process;
            }
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
