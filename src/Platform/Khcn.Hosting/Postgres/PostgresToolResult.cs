namespace Khcn.Hosting.Postgres;

/// <summary>How a PostgreSQL program run to completion ended: its exit code and its stdout and stderr together.</summary>
internal sealed record PostgresToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
