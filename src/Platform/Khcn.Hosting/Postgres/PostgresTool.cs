using System.Diagnostics;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Postgres;

/// <summary>
/// Runs one short PostgreSQL program (initdb, pg_isready, createdb) to completion and collects its output. initdb
/// refuses to run as root, so as root a program can be run as another user (setpriv, as for every child).
/// </summary>
internal static class PostgresTool
{
    /// <param name="fileName">The program's full path.</param>
    /// <param name="arguments">Passed as-is (no shell).</param>
    /// <param name="workingDirectory">A folder the program's user may enter.</param>
    /// <param name="user">Run as this user (only possible as root); null for the AppHost's own user.</param>
    /// <param name="environment">Added to the AppHost's environment (PGPASSWORD for one call, never on the command line).</param>
    public static async Task<PostgresToolResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        CancellationToken cancellationToken,
        string? user = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // The same launch as every other child (setpriv for the user), so there is one way to run as postgres.
        var startInfo = LaunchCommand.Create(new ProcessSpec(
            fileName,
            arguments,
            workingDirectory,
            // English messages: callers recognise some of them ("already exists").
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["LC_MESSAGES"] = "C" },
            user));
        using var process = Start(startInfo, fileName);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new PostgresToolResult(process.ExitCode, string.Concat(await output.ConfigureAwait(false), await error.ConfigureAwait(false)).Trim());
    }

    private static Process Start(ProcessStartInfo startInfo, string fileName)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new ProcessStartException($"Could not start {Path.GetFileName(fileName)}.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ProcessStartException($"Could not start {fileName}: {exception.Message}", exception);
        }
    }
}
