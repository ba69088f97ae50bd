using System.Globalization;

namespace Khcn.Hosting.Processes;

/// <summary>
/// The run's live child processes, as lines <c>pid starttime</c> in a file that <see cref="OrphanWatchdog"/> reads if
/// the AppHost dies without stopping them (SIGKILL, a crash). The file is replaced atomically on every change.
/// </summary>
internal sealed class ChildProcessRegistry(string file)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _children = [];

    public string FilePath => file;

    public void Add(int pid)
    {
        if (ProcStat.StartTime(pid) is not { } startTime)
        {
            return; // already gone
        }

        lock (_gate)
        {
            _children[pid] = startTime;
            Write();
        }
    }

    public void Remove(int pid)
    {
        lock (_gate)
        {
            if (_children.Remove(pid))
            {
                Write();
            }
        }
    }

    private void Write()
    {
        var temporary = file + ".tmp";
        File.WriteAllLines(temporary, _children.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
        File.Move(temporary, file, overwrite: true);
    }
}
