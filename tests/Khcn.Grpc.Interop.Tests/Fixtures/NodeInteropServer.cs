using System.Diagnostics;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>
/// The @grpc/grpc-js TestService of peers/node as a child process. Installs the locked npm
/// packages first when node_modules is missing, so a fresh clone only needs node and npm.
/// </summary>
public sealed class NodeInteropServer : IAsyncLifetime
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);

    private Process? _process;
    private readonly System.Text.StringBuilder _standardError = new();

    /// <summary>"http://127.0.0.1:port" of the running server.</summary>
    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await EnsurePackagesInstalledAsync();

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropPaths.NodePeerDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("server.js");
        startInfo.ArgumentList.Add(Path.Combine(InteropPaths.ProtoRoot, InteropPaths.TestProtoRelativePath));
        _process = ChildProcess.Start(startInfo);
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_standardError)
            {
                _standardError.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();

        var port = await ReadAnnouncedPortAsync(_process);
        Address = $"http://127.0.0.1:{port}";
    }

    private async Task<int> ReadAnnouncedPortAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The Node interop server did not announce its port within {StartTimeout}. stderr: {StandardError}");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"The Node interop server exited before listening. stderr: {StandardError}");
            }

            const string prefix = "LISTENING ";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return int.Parse(line[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private string StandardError
    {
        get
        {
            lock (_standardError)
            {
                return _standardError.ToString();
            }
        }
    }

    private static async Task EnsurePackagesInstalledAsync()
    {
        var grpcJs = Path.Combine(InteropPaths.NodePeerDirectory, "node_modules", "@grpc", "grpc-js", "package.json");
        if (File.Exists(grpcJs))
        {
            return;
        }

        var result = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], InteropPaths.NodePeerDirectory, NpmTimeout);
        if (result.ExitCode != 0 || !File.Exists(grpcJs))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {InteropPaths.NodePeerDirectory} failed with {result.ExitCode}. {InstallHints.Node}\n{result.StandardError}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        // Closing stdin asks the server to stop; the kill covers a server that does not.
        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
