using System.Data.Common;
using System.Diagnostics;
using Khcn.Hosting.Postgres;

namespace Khcn.Hosting.Tests.Resources;

/// <summary>
/// Runs one SQL statement through psql with the parts of an Npgsql connection string (the password through PGPASSWORD,
/// as a client would send it): an independent check that the connection string a resource hands out works.
/// </summary>
internal static class PsqlClient
{
    public static async Task<(int ExitCode, string Output)> QueryAsync(string connectionString, string sql)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var psql = Path.Combine(PostgresInstallation.Find()!.BinDirectory, "psql");
        var startInfo = new ProcessStartInfo(psql)
        {
            ArgumentList =
            {
                "-h", (string)parts["Host"], "-p", (string)parts["Port"], "-U", (string)parts["Username"],
                "-d", parts.TryGetValue("Database", out var database) ? (string)database : "postgres",
                "-w", "-tA", "-c", sql,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PGPASSWORD"] = (string)parts["Password"], ["LC_MESSAGES"] = "C" },
        };
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }
}
