using Khcn.IntellectualProperty.V1;
using Khcn.Tasks.V1;

namespace Khcn.Provinces.Overview;

/// <summary>
/// A part of the overview that another service supplies: which ProvinceOverview field it fills, the name its
/// client is registered under (so its address is <c>services:{ClientName}:http:0</c>) and the gRPC service asked.
/// </summary>
public sealed record OverviewDependency(string Part, string ClientName, string Service)
{
    public static OverviewDependency TaskCounts { get; } = new("task_counts", "tasks", TasksService.Descriptor.FullName);

    public static OverviewDependency AssetCounts { get; } = new("asset_counts", "ip", IntellectualPropertyService.Descriptor.FullName);
}
