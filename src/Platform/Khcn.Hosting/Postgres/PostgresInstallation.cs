using System.Diagnostics;
using System.Globalization;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Postgres;

/// <summary>
/// The folder holding the PostgreSQL server programs the AppHost runs (initdb, postgres, pg_isready, createdb). Debian
/// keeps them in /usr/lib/postgresql/&lt;version&gt;/bin, off PATH, so that is searched first.
/// </summary>
internal sealed record PostgresInstallation(string BinDirectory)
{
    private static readonly string[] RequiredPrograms = ["initdb", "postgres", "pg_isready", "createdb"];

    public string InitDb => Program("initdb");

    public string Postgres => Program("postgres");

    public string PgIsReady => Program("pg_isready");

    public string CreateDb => Program("createdb");

    /// <summary>The newest /usr/lib/postgresql/*/bin, then <c>pg_config --bindir</c>, then PATH; null when none has every program.</summary>
    public static PostgresInstallation? Find()
    {
        var directory = NewestDebianBinDirectory() is { } debian && HasEveryProgram(debian) ? debian
            : PgConfigBinDirectory() is { } fromPgConfig && HasEveryProgram(fromPgConfig) ? fromPgConfig
            : ExecutableLocator.Find("initdb") is { } onPath && HasEveryProgram(Path.GetDirectoryName(onPath)!) ? Path.GetDirectoryName(onPath)
            : null;
        return directory is null ? null : new PostgresInstallation(directory);
    }

    private string Program(string name) => Path.Combine(BinDirectory, name);

    private static bool HasEveryProgram(string directory) => RequiredPrograms.All(name => File.Exists(Path.Combine(directory, name)));

    private static string? NewestDebianBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        // Versions are "15" or "9.6": compared as numbers, not strings ("9.6" < "15").
        return Directory.GetDirectories(root)
            .Select(d => (Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1, Bin: Path.Combine(d, "bin")))
            .Where(d => d.Version >= 0 && HasEveryProgram(d.Bin))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Bin)
            .FirstOrDefault();
    }

    private static string? PgConfigBinDirectory()
    {
        if (ExecutableLocator.Find("pg_config") is not { } pgConfig)
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(pgConfig, "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
