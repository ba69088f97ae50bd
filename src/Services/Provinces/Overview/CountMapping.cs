using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using Khcn.Tasks.V1;

namespace Khcn.Provinces.Overview;

/// <summary>The other services' summary rows as the overview's counts (static, pure).</summary>
public static class CountMapping
{
    public static IEnumerable<TaskCount> ToTaskCounts(SummarizeTasksResponse response) =>
        response.Rows.Select(row => new TaskCount { Level = row.Level, State = row.State, Count = row.TaskCount });

    public static IEnumerable<AssetCount> ToAssetCounts(SummarizeAssetsResponse response) =>
        response.Rows.Select(row => new AssetCount { Kind = row.Kind, State = row.State, Count = row.AssetCount });
}
