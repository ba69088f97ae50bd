using System.Collections.Concurrent;
using Grpc.Core;
using Khcn.IntellectualProperty.V1;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;
using TaskState = Khcn.Tasks.V1.Task.Types.State;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>The requests a stand-in service received and the rows it answers with.</summary>
public sealed class SummaryLedger
{
    public ConcurrentQueue<SummarizeTasksRequest> TaskRequests { get; } = new();

    public ConcurrentQueue<SummarizeAssetsRequest> AssetRequests { get; } = new();

    public SummarizeTasksResponse TaskAnswer { get; } = new()
    {
        Rows =
        {
            new TaskSummaryRow { Level = TaskLevel.National, State = TaskState.InProgress, TaskCount = 2 },
            new TaskSummaryRow { Level = TaskLevel.Provincial, State = TaskState.Accepted, TaskCount = 7 },
            new TaskSummaryRow { Level = TaskLevel.Provincial, State = TaskState.InProgress, TaskCount = 11 },
        },
        Total = new TaskSummaryRow { TaskCount = 20 },
    };

    public SummarizeAssetsResponse AssetAnswer { get; } = new()
    {
        Rows =
        {
            new AssetSummaryRow { Kind = AssetKind.Mark, State = Asset.Types.State.InForce, AssetCount = 5 },
            new AssetSummaryRow { Kind = AssetKind.GeographicalIndication, State = Asset.Types.State.Filed, AssetCount = 1 },
        },
        Total = new AssetSummaryRow { AssetCount = 6 },
    };
}

/// <summary>Tasks service that answers SummarizeTasks from the ledger and records what it was asked.</summary>
public sealed class RecordingTasksService(SummaryLedger ledger) : TasksService.TasksServiceBase
{
    public override Task<SummarizeTasksResponse> SummarizeTasks(SummarizeTasksRequest request, ServerCallContext context)
    {
        ledger.TaskRequests.Enqueue(request);
        return Task.FromResult(ledger.TaskAnswer);
    }
}

/// <summary>IntellectualProperty service that answers SummarizeAssets from the ledger and records what it was asked.</summary>
public sealed class RecordingIntellectualPropertyService(SummaryLedger ledger) : IntellectualPropertyService.IntellectualPropertyServiceBase
{
    public override Task<SummarizeAssetsResponse> SummarizeAssets(SummarizeAssetsRequest request, ServerCallContext context)
    {
        ledger.AssetRequests.Enqueue(request);
        return Task.FromResult(ledger.AssetAnswer);
    }
}

/// <summary>Tasks service that accepts SummarizeTasks and never answers (until the caller gives up).</summary>
public sealed class SilentTasksService : TasksService.TasksServiceBase
{
    public override async Task<SummarizeTasksResponse> SummarizeTasks(SummarizeTasksRequest request, ServerCallContext context)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>IntellectualProperty service that accepts SummarizeAssets and never answers (until the caller gives up).</summary>
public sealed class SilentIntellectualPropertyService : IntellectualPropertyService.IntellectualPropertyServiceBase
{
    public override async Task<SummarizeAssetsResponse> SummarizeAssets(SummarizeAssetsRequest request, ServerCallContext context)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>
/// An IntellectualProperty service of an older build: it serves the service but not SummarizeAssets, so the
/// generated base answers UNIMPLEMENTED.
/// </summary>
public sealed class OlderIntellectualPropertyService : IntellectualPropertyService.IntellectualPropertyServiceBase;
