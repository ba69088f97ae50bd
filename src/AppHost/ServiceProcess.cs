using System.Diagnostics;

namespace Khcn.AppHost;

/// <summary>One service of the stack as a child process: built once, started with its URL and the other services' addresses.</summary>
internal sealed class ServiceProcess(string name, string projectFolder, string assemblyName, int port, ConsoleColor color)
{
    private static readonly Lock ConsoleLock = new();
    private Process? _process;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public string Url => $"http://127.0.0.1:{port}";

    /// <summary>Completes when the process ends on its own (or is stopped).</summary>
    public Task Exited => _exited.Task;

    public async Task<int> BuildAsync(string root)
    {
        using var build = Process.Start(Command(root, "build", Path.Combine(root, projectFolder), "-c", "Debug", "--nologo", "-v", "quiet"))!;
        await build.WaitForExitAsync();
        return build.ExitCode;
    }

    public void Start(string root, IReadOnlyDictionary<string, string> discovery)
    {
        // The built assembly itself (not "dotnet run"), so the signals below reach the service; the project folder is
        // its working directory and content root, as under "dotnet run".
        var folder = Path.Combine(root, projectFolder);
        var start = Command(folder, Path.Combine(folder, "bin", "Debug", "net10.0", assemblyName + ".dll"), "--urls", Url);
        foreach (var (key, value) in discovery.Where(d => !d.Key.Contains($"__{name}__", StringComparison.Ordinal)))
        {
            start.Environment[key] = value;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.Exited += (_, _) => _exited.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Asks the service to stop (SIGTERM: the host shuts down gracefully), then kills what is left after 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(10))) != Exited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    private static ProcessStartInfo Command(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (ConsoleLock)
        {
            Console.ForegroundColor = color;
            Console.Write($"[{name}] ");
            Console.ResetColor();
            Console.WriteLine(line);
        }
    }
}
