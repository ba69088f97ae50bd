using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace Khcn.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL cluster per test process, started on first use in a temporary directory on a free loopback
/// port, stopped and deleted at process exit. Each test takes its own database from <see cref="CreateDatabaseAsync"/>.
/// initdb and pg_ctl refuse to run as root, so as root they run as the "postgres" user (runuser).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly string _binDirectory;
    private readonly string _directory;
    private int _stopped;

    private PostgresServer(string binDirectory, string directory, int port)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string SocketDirectory => Path.Combine(_directory, "socket");

    private string LogFile => Path.Combine(_directory, "server.log");

    /// <summary>The process-wide server, started on the first call.</summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>Creates a new, empty database and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{Sanitize(prefix ?? "khcn")}_{Guid.NewGuid():N}";
        if (name.Length > 63) name = name[^63..]; // PostgreSQL identifier limit; the Guid keeps it unique
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    /// <summary>Stops the cluster and deletes its directory (the shared server is left to the process-exit cleanup).</summary>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    // Small pools that shed idle connections quickly: every test database gets its own pool, and the server's
    // max_connections is shared by all of them.
    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 5,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    private static string Sanitize(string prefix)
    {
        var builder = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }
        return builder.Length == 0 ? "khcn" : builder.ToString();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        var directory = Directory.CreateTempSubdirectory("khcn-postgres-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "socket"));
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", directory], asPostgres: false);
            }
            var server = new PostgresServer(binDirectory, directory, FreePort());
            await server.InitDbAsync();
            await server.StartClusterAsync();
            server.StartWatchdog();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.SignalShutdown();
            return server;
        }
        catch
        {
            TryDeleteDirectory(directory);
            throw;
        }
    }

    private async Task InitDbAsync()
    {
        string[] common = ["-D", DataDirectory, "-A", "trust", "-E", "UTF8", "-U", Superuser, "--no-sync"];
        try
        {
            await RunAsync(Binary("initdb"), [.. common, "--locale=C.UTF-8"]);
        }
        catch (InvalidOperationException)
        {
            // Older clusters or images without the C.UTF-8 locale: plain C still stores UTF-8 exactly.
            if (Directory.Exists(DataDirectory)) await RunAsync("rm", ["-rf", DataDirectory], asPostgres: false);
            await RunAsync(Binary("initdb"), [.. common, "--locale=C"]);
        }
    }

    private Task StartClusterAsync() => RunAsync(Binary("pg_ctl"),
    [
        "-D", DataDirectory, "-l", LogFile, "-w", "-t", "120",
        "-o", $"-p {Port} -k {SocketDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
        "start",
    ]);

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        try
        {
            NpgsqlConnection.ClearAllPools();
            RunAsync(Binary("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already stopped (the watchdog or a previous call got there first).
        }
        TryDeleteDirectory(_directory);
    }

    // The test host is often killed right after the run instead of exiting, so ProcessExit may never finish
    // (or run at all). A detached watchdog stops the cluster and deletes its directory once this process is gone.
    private void StartWatchdog()
    {
        var stop = $"{(Environment.IsPrivilegedProcess ? $"runuser -u {Superuser} -- " : "")}'{Binary("pg_ctl")}' -D '{DataDirectory}' -m immediate -w stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{_directory}'";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid") { ArgumentList = { "sh", "-c", script }, UseShellExecute = false });
    }

    // On a graceful exit, SIGQUIT (immediate shutdown) costs nothing and frees the port at once; the watchdog cleans up.
    private void SignalShutdown()
    {
        try
        {
            var pidLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(pidLine, out var pid)) _ = SendSignal(pid, SigQuit);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private const int SigQuit = 3;

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private string Binary(string name) => Path.Combine(_binDirectory, name);

    private static string FindBinDirectory()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
                .Where(d => d.Version >= 0 && File.Exists(Path.Combine(d.Bin, "initdb")) && File.Exists(Path.Combine(d.Bin, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        if (installed is not null) return installed;

        var fromPgConfig = TryPgConfigBinDirectory();
        if (fromPgConfig is not null && File.Exists(Path.Combine(fromPgConfig, "initdb"))) return fromPgConfig;

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH. " +
            "The database tests need a real PostgreSQL server: run scripts/install-prerequisites.sh (installs the Debian 'postgresql' package).");
    }

    private static string? TryPgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config not installed
        }
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var startInfo = asPostgres && Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", Superuser, "--", fileName } }
            : new ProcessStartInfo(fileName);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        // postgres resolves relative paths and writes temp files from its working directory.
        startInfo.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
