namespace Khcn.Dashboard.Resources;

/// <summary>
/// What the dashboard shows of the resources the AppHost runs: their state now and their console output. The
/// AppHost's orchestrator implements it; the dashboard only reads.
/// </summary>
public interface IResourceCatalog
{
    /// <summary>Every resource, in start order, as it is at the moment of the call.</summary>
    IReadOnlyList<ResourceSnapshot> Snapshot();

    /// <summary>
    /// The console lines of <paramref name="resourceName"/> with a sequence number above <paramref name="afterSequence"/>
    /// (oldest first, at most the last lines the AppHost keeps); null when there is no such resource.
    /// </summary>
    IReadOnlyList<ConsoleLine>? ConsoleLines(string resourceName, long afterSequence);
}
