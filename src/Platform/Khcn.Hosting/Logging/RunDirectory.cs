using System.Globalization;
using System.Text.RegularExpressions;

namespace Khcn.Hosting.Logging;

/// <summary>
/// The folder of one AppHost run (<c>&lt;AppHost&gt;/.runs/yyyyMMdd-HHmmss-pid</c>): logs and the resources' working
/// files. Older runs beyond the newest <c>keep</c> are deleted when a new one is created.
/// </summary>
internal static partial class RunDirectory
{
    public const string LogsFolder = "logs";

    /// <summary>Creates the run folder with its <c>logs</c> subfolder, prunes old runs and returns its full path.</summary>
    /// <param name="keep">How many runs to keep, this one included (at least this one is always kept).</param>
    public static string Create(string runsRoot, int keep, DateTimeOffset now)
    {
        var name = $"{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}";
        var run = Path.GetFullPath(Path.Combine(runsRoot, name));
        Directory.CreateDirectory(Path.Combine(run, LogsFolder));
        DeleteOldRuns(runsRoot, Math.Max(keep, 1), run);
        return run;
    }

    private static void DeleteOldRuns(string runsRoot, int keep, string current)
    {
        var runs = Directory.EnumerateDirectories(runsRoot)
            .Select(path => (Path: path, Match: RunName().Match(Path.GetFileName(path))))
            .Where(run => run.Match.Success)
            .Select(run => (run.Path, Started: run.Match.Groups["started"].Value, ProcessId: int.Parse(run.Match.Groups["pid"].Value, CultureInfo.InvariantCulture)))
            .OrderByDescending(run => run.Started, StringComparer.Ordinal)
            .ThenByDescending(run => run.ProcessId)
            .ToList();

        foreach (var run in runs.Skip(keep))
        {
            // Another AppHost that is still running (a second terminal, a test) keeps its folder, however old.
            if (Path.GetFullPath(run.Path) == current || IsOtherLiveProcess(run.ProcessId))
            {
                continue;
            }

            try
            {
                Directory.Delete(run.Path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next run to try again (a file held open, a folder of another user).
            }
        }
    }

    private static bool IsOtherLiveProcess(int processId) =>
        processId != Environment.ProcessId && Directory.Exists($"/proc/{processId}");

    [GeneratedRegex(@"^(?<started>\d{8}-\d{6})-(?<pid>\d{1,9})$")]
    private static partial Regex RunName();
}
