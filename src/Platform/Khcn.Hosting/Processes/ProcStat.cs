using System.Globalization;

namespace Khcn.Hosting.Processes;

/// <summary>Reads /proc/&lt;pid&gt;/stat: a process's start time tells it apart from a later process given the same pid.</summary>
internal static class ProcStat
{
    /// <summary>Field 22, <c>starttime</c> (clock ticks after boot), or null when the process is gone.</summary>
    public static long? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 2 (the command) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[StartTimeFieldAfterCommand], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Field 3 (state) is the first after the command, so field 22 is index 19.
    public const int StartTimeFieldAfterCommand = 22 - 3;
}
