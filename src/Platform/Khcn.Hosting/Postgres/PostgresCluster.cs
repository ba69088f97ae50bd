using Aspire.Hosting;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Postgres;

/// <summary>
/// A throw-away cluster in a temporary directory of its own (<c>data</c>, <c>socket</c>). It lives outside the run
/// directory because, as root, the whole tree must belong to the postgres user, who may not be able to reach a run
/// directory under someone's home.
/// </summary>
internal sealed class PostgresCluster
{
    /// <summary>The operating-system user the server programs run as when the AppHost is root.</summary>
    public const string ServiceUser = "postgres";

    private PostgresCluster(string directory, string? runAs)
    {
        Directory = directory;
        RunAs = runAs;
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public string SocketDirectory => Path.Combine(Directory, "socket");

    /// <summary>"postgres" when the AppHost is root (initdb and postgres refuse to run as root), otherwise null.</summary>
    public string? RunAs { get; }

    /// <summary>True once initdb completed: a restart after a crash reuses the data instead of creating it again.</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>Creates the temporary directory (owned by the postgres user when root); nothing is initialised yet.</summary>
    public static async Task<PostgresCluster> CreateAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("khcn-apphost-pg-").FullName;
        var cluster = new PostgresCluster(directory, Environment.IsPrivilegedProcess ? ServiceUser : null);
        try
        {
            System.IO.Directory.CreateDirectory(cluster.SocketDirectory);
            await cluster.GiveToServiceUserAsync(directory, cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            cluster.Delete();
            throw;
        }
    }

    /// <summary>
    /// initdb with password authentication for every connection (scram-sha-256) and <paramref name="superuser"/>'s
    /// password from a file that exists only while initdb runs, so it never appears on a command line.
    /// </summary>
    public async Task InitializeAsync(PostgresInstallation installation, string superuser, string password, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(Directory, "initdb-password");
        await WritePrivateFileAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        try
        {
            string[] options =
            [
                "-D", DataDirectory, "-U", superuser, "-E", "UTF8", "--no-sync",
                "--auth=scram-sha-256", $"--pwfile={passwordFile}",
            ];
            var result = await InitDbAsync(installation, [.. options, "--locale=C.UTF-8"], cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                // Images without the C.UTF-8 locale: plain C still stores UTF-8 text exactly.
                DeleteDataDirectory();
                result = await InitDbAsync(installation, [.. options, "--locale=C"], cancellationToken).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                throw new DistributedApplicationException($"initdb exited with code {result.ExitCode}: {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The server in the foreground: it logs to stderr, which goes to the resource's log.</summary>
    public ProcessSpec ServerProcess(PostgresInstallation installation, string host, int port) => new(
        installation.Postgres,
        [
            "-D", DataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", SocketDirectory,
            "-c", $"listen_addresses={host}",
            // A throw-away cluster: durability is worth nothing here, speed is.
            "-c", "fsync=off",
            "-c", "max_connections=200",
        ],
        Directory,
        new Dictionary<string, string>(),
        RunAs);

    /// <summary>Deletes the whole directory; false when something could not be deleted (it stays in the temp folder).</summary>
    public bool Delete()
    {
        // Backends of a server that was just killed may still be removing their files for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (System.IO.Directory.Exists(Directory))
                {
                    System.IO.Directory.Delete(Directory, recursive: true);
                }

                return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (attempt == 5)
                {
                    return false;
                }

                Thread.Sleep(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    private Task<PostgresToolResult> InitDbAsync(PostgresInstallation installation, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        PostgresTool.RunAsync(installation.InitDb, arguments, Directory, cancellationToken, RunAs);

    private void DeleteDataDirectory()
    {
        if (System.IO.Directory.Exists(DataDirectory))
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        await PrivateFile.WriteAsync(path, content, cancellationToken).ConfigureAwait(false);
        await GiveToServiceUserAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (RunAs is null)
        {
            return;
        }

        var chown = ExecutableLocator.Find("chown", "/usr/bin", "/bin") ?? throw new ProcessStartException("chown was not found on PATH.");
        var result = await PostgresTool.RunAsync(chown, ["-R", $"{RunAs}:{RunAs}", path], "/", cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DistributedApplicationException($"Could not give {path} to the '{RunAs}' user: {result.Output}");
        }
    }
}
