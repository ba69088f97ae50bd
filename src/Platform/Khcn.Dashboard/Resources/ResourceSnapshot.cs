namespace Khcn.Dashboard.Resources;

/// <summary>One resource as the dashboard lists it.</summary>
/// <param name="Name">The resource name (<c>provinces</c>, <c>cache</c>): also its OTEL_SERVICE_NAME for projects.</param>
/// <param name="Type">project, redis, postgres, database or executable.</param>
/// <param name="State">NotStarted, Waiting, Starting, Healthy, Restarting, Stopping, Stopped, Failed or FallBack.</param>
/// <param name="Endpoints">The URLs it listens on (empty when it fell back or has none).</param>
/// <param name="ProcessId">The process id when it runs.</param>
/// <param name="Restarts">How many times it was restarted after a crash.</param>
/// <param name="StartedAt">When its current process started.</param>
public sealed record ResourceSnapshot(
    string Name,
    string Type,
    string State,
    IReadOnlyList<string> Endpoints,
    int? ProcessId,
    int Restarts,
    DateTimeOffset? StartedAt);
