using Khcn.Hosting.Logging;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Orchestration;

/// <summary>What a runner needs for one start: the resource's log, the run's folder and options, its environment.</summary>
/// <param name="Log">The resource's log (console and file).</param>
/// <param name="WorkDirectory">A folder of this resource inside the run directory, for its files (config, data).</param>
/// <param name="Environment">The variables from the app model's callbacks (references, endpoints, OTEL).</param>
/// <param name="Options">The AppHost's options.</param>
/// <param name="Children">Where the run lists its live child processes for the orphan watchdog (none in some tests).</param>
internal sealed record RunContext(
    ResourceLog Log,
    string WorkDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Arguments,
    AppHostOptions Options,
    ChildProcessRegistry? Children = null);
