namespace Khcn.Hosting.Processes;

/// <summary>What to run for one start of a resource.</summary>
/// <param name="FileName">An absolute path, or a name looked up on PATH.</param>
/// <param name="Arguments">Passed as-is (no shell).</param>
/// <param name="WorkingDirectory">The process's working directory.</param>
/// <param name="Environment">Added to (and overriding) the AppHost's own environment.</param>
/// <param name="User">Run as this user (needed for PostgreSQL when the AppHost runs as root); null for the AppHost's user.</param>
internal sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string? User = null);
