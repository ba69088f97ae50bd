using System.ComponentModel;
using System.Diagnostics;

namespace Khcn.Hosting.Processes;

/// <summary>
/// A shell script in a session of its own, for clean-ups that must outlive a killed AppHost (the Ctrl+C meant for the
/// AppHost does not reach it either). Disposing it ends the script, for when the AppHost cleaned up itself.
/// </summary>
internal sealed class DetachedShell : IDisposable
{
    private readonly Process? _shell;

    private DetachedShell(Process? shell) => _shell = shell;

    /// <summary>Starts <paramref name="script"/> with no input or output.</summary>
    public static DetachedShell Start(string script)
    {
        try
        {
            var startInfo = new ProcessStartInfo("setsid")
            {
                ArgumentList = { "sh", "-c", "exec </dev/null >/dev/null 2>&1\n" + script },
                UseShellExecute = false,
            };
            return new DetachedShell(Process.Start(startInfo));
        }
        catch (Win32Exception)
        {
            // No setsid: a normal shutdown still cleans up, just not after the AppHost is killed.
            return new DetachedShell(null);
        }
    }

    /// <summary>A path or word as one single-quoted shell word.</summary>
    public static string Quote(string value) => $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public void Dispose()
    {
        if (_shell is null)
        {
            return;
        }

        try
        {
            _shell.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }

        _shell.Dispose();
    }
}
