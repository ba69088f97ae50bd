using System.Diagnostics;
using System.Text;

namespace Khcn.Hosting.Processes;

/// <summary>
/// Turns a <see cref="ProcessSpec"/> into the command that starts it: <c>setsid [setpriv ...] program args</c>. Both
/// wrappers exec in place, so the started process ends up being the program itself, in a session of its own.
/// </summary>
internal static class LaunchCommand
{
    public static ProcessStartInfo Create(ProcessSpec spec)
    {
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            throw new ProcessStartException($"Cannot start '{spec.FileName}': its working directory '{spec.WorkingDirectory}' does not exist.");
        }

        List<string> command = [];
        // setsid forks instead of exec'ing only when the caller leads a process group, which a fresh child never does.
        if (ExecutableLocator.Find("setsid") is { } setsid)
        {
            command.Add(setsid);
        }

        if (spec.User is { } user && Environment.IsPrivilegedProcess)
        {
            command.AddRange(SwitchUser(spec, user));
        }

        command.Add(ResolveProgram(spec.FileName));
        command.AddRange(spec.Arguments);

        var startInfo = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static IEnumerable<string> SwitchUser(ProcessSpec spec, string user)
    {
        var setpriv = ExecutableLocator.Find("setpriv")
            ?? throw new ProcessStartException($"Cannot start '{spec.FileName}' as user '{user}': setpriv (util-linux) is not on PATH.");
        var account = UserAccount.Find(user)
            ?? throw new ProcessStartException($"Cannot start '{spec.FileName}' as user '{user}': there is no such user.");
        return [setpriv, $"--reuid={account.UserId}", $"--regid={account.GroupId}", "--init-groups"];
    }

    private static string ResolveProgram(string fileName)
    {
        // Like exec: a name with a slash is a path, a bare name is looked up on PATH.
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(fileName);
            return File.Exists(path) ? path : throw new ProcessStartException($"Cannot start '{fileName}': the file '{path}' does not exist.");
        }

        return ExecutableLocator.Find(fileName) ?? throw new ProcessStartException(
            $"Cannot start '{fileName}': it is not on PATH ({Environment.GetEnvironmentVariable("PATH")}).");
    }
}
