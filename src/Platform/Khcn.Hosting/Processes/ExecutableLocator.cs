namespace Khcn.Hosting.Processes;

/// <summary>Finds programs on PATH (redis-server, setsid, setpriv, python3).</summary>
internal static class ExecutableLocator
{
    /// <summary>The full path of <paramref name="name"/> on PATH (or in <paramref name="extraDirectories"/>), or null.</summary>
    public static string? Find(string name, params IEnumerable<string> extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(extraDirectories))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
