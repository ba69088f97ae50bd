namespace Khcn.Hosting.Tests.Processes;

/// <summary>What the kernel says about a process, from /proc: independent of anything the code under test reports.</summary>
internal static class ProcFile
{
    public static IReadOnlyList<string> CommandLine(int processId) =>
        File.ReadAllText($"/proc/{processId}/cmdline").TrimEnd('\0').Split('\0');

    /// <summary>The session id (field 6 of /proc/pid/stat).</summary>
    public static int SessionId(int processId) => int.Parse(StatFieldsAfterName(processId)[3]);

    /// <summary>The process state (field 3 of /proc/pid/stat), or null when the process is gone.</summary>
    public static char? State(int processId)
    {
        try
        {
            return StatFieldsAfterName(processId)[0][0];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    /// <summary>The real, effective, saved and filesystem ids of the <c>Uid:</c> or <c>Gid:</c> line of /proc/pid/status.</summary>
    public static IReadOnlyList<uint> Ids(int processId, string field) =>
        File.ReadLines($"/proc/{processId}/status")
            .Single(line => line.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..]
            .Split('\t', StringSplitOptions.RemoveEmptyEntries)
            .Select(uint.Parse)
            .ToList();

    // The command name (field 2) is in parentheses and may itself hold spaces or ')', so split after the last ')'.
    private static string[] StatFieldsAfterName(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }
}
