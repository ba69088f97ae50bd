namespace Khcn.Hosting.Orchestration;

/// <summary>Where a resource is in its life (Aspire's known resource states, with health folded in).</summary>
internal enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Healthy,
    FallBack,
    Restarting,
    Failed,
    Stopping,
    Stopped,
}
