using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Khcn.Tests.Browser;

/// <summary>
/// A headless Chromium with remote debugging on a free port and a throwaway profile. Dispose kills it with every
/// process it forked (zygotes, renderers, GPU) and deletes the profile.
/// </summary>
public sealed class ChromiumProcess : IAsyncDisposable
{
    private const string ExecutableVariable = "KHCN_CHROMIUM";
    private const int MaxDiagnosticLines = 40;
    private const int SigKill = 9;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _userDataDir;
    private readonly bool _ownsProcessGroup;
    private readonly Queue<string> _output = new();

    private ChromiumProcess(Process process, string userDataDir, bool ownsProcessGroup)
    {
        _process = process;
        _userDataDir = userDataDir;
        _ownsProcessGroup = ownsProcessGroup;
    }

    public int ProcessId => _process.Id;

    /// <summary>ws://127.0.0.1:port/devtools/browser/id, known once <see cref="StartAsync"/> returns.</summary>
    public Uri BrowserWebSocketUrl { get; private set; } = null!;

    public static async Task<ChromiumProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var executable = FindExecutable();
        var userDataDir = Directory.CreateTempSubdirectory("khcn-chromium-").FullName;
        // setsid puts Chromium and everything it forks into a process group of its own, so Dispose can kill the
        // whole group at once even after the browser process died and its children were re-parented.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var startInfo = new ProcessStartInfo(setsid ?? executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            startInfo.ArgumentList.Add(executable);
        }

        foreach (var argument in Arguments(userDataDir))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var chromium = new ChromiumProcess(process, userDataDir, setsid is not null);
        process.OutputDataReceived += (_, line) => chromium.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => chromium.Remember(line.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            chromium.BrowserWebSocketUrl = await chromium.WaitForDevToolsAsync(cancellationToken);
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the browser to exit on its own (after Browser.close); false when it is still running.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException)
        {
            // Never started, or a zombie we cannot reap sooner: the profile delete below still runs.
        }

        _process.Dispose();
        await DeleteUserDataDirAsync();
    }

    private static IEnumerable<string> Arguments(string userDataDir) =>
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--mute-audio",
        "--remote-debugging-port=0",
        "--user-data-dir=" + userDataDir,
        "about:blank",
    ];

    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new ChromiumNotFoundException($"{ExecutableVariable} is '{configured}', which does not exist.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ChromiumNotFoundException(
            $"The browser tests need Chromium: install it (apt-get install chromium) or set {ExecutableVariable} to its path.");
    }

    /// <summary>Chromium writes the port it took and the browser target's path to DevToolsActivePort.</summary>
    private async Task<Uri> WaitForDevToolsAsync(CancellationToken cancellationToken)
    {
        var portFile = Path.Combine(_userDataDir, "DevToolsActivePort");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Chromium exited with code {_process.ExitCode} before it opened DevTools:\n{Diagnostics()}");
            }

            if (File.Exists(portFile))
            {
                var lines = (await File.ReadAllLinesAsync(portFile, cancellationToken))
                    .Where(line => line.Length > 0)
                    .ToArray();
                // The file may be caught half written: wait for both lines.
                if (lines.Length >= 2 && int.TryParse(lines[0], out var port))
                {
                    return new Uri($"ws://127.0.0.1:{port}{lines[1]}");
                }
            }

            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Chromium did not open DevTools within {StartTimeout}:\n{Diagnostics()}");
            }
        }
    }

    private void Kill()
    {
        int processId;
        try
        {
            processId = _process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (_ownsProcessGroup && OperatingSystem.IsLinux() && KillProcessGroup(processId, SigKill) == 0)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task DeleteUserDataDirAsync()
    {
        // Dying renderers may still flush into the profile for a moment after the group is killed.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(_userDataDir))
                {
                    Directory.Delete(_userDataDir, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxDiagnosticLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string Diagnostics()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    // kill(2) with a negative pid signals the whole process group.
    private static int KillProcessGroup(int processGroupId, int signal) => SendSignal(-processGroupId, signal);

    // DllImport rather than LibraryImport: the generated stub would need AllowUnsafeBlocks in every linking project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
