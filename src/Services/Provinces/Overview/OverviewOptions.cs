namespace Khcn.Provinces.Overview;

/// <summary>Deadlines of the overview's calls to other services (section "Overview").</summary>
public sealed class OverviewOptions
{
    public const string SectionName = "Overview";

    /// <summary>How long each dependency may take before its part is reported missing.</summary>
    public TimeSpan DependencyDeadline { get; set; } = TimeSpan.FromSeconds(2);
}
