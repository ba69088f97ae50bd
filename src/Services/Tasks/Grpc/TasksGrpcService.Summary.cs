using Grpc.Core;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

public sealed partial class TasksGrpcService
{
    public override Task<SummarizeTasksResponse> SummarizeTasks(SummarizeTasksRequest request, ServerCallContext context) =>
        summaries.SummarizeAsync(request, context.CancellationToken);
}
