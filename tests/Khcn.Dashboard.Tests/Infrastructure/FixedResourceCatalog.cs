using Khcn.Dashboard.Resources;

namespace Khcn.Dashboard.Tests.Infrastructure;

/// <summary>A small, fixed set of resources, standing in for the AppHost's orchestrator.</summary>
public sealed class FixedResourceCatalog : IResourceCatalog
{
    public static readonly DateTimeOffset StartedAt = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly IReadOnlyList<ResourceSnapshot> Resources =
    [
        new("cache", "redis", "Healthy", ["tcp://127.0.0.1:6380"], 101, 0, StartedAt),
        new("provinces", "project", "Restarting", ["http://127.0.0.1:5101"], 102, 2, StartedAt),
        new("tasks", "project", "NotStarted", [], null, 0, null),
    ];

    private static readonly IReadOnlyList<ConsoleLine> ProvincesConsole =
    [
        new(1, StartedAt, "starting"),
        new(2, StartedAt.AddSeconds(1), "listening on 5101"),
        new(3, StartedAt.AddSeconds(2), "crashed"),
    ];

    public IReadOnlyList<ResourceSnapshot> Snapshot() => Resources;

    public IReadOnlyList<ConsoleLine>? ConsoleLines(string resourceName, long afterSequence) => resourceName switch
    {
        "provinces" => [.. ProvincesConsole.Where(line => line.Sequence > afterSequence)],
        "cache" or "tasks" => [],
        _ => null,
    };
}
