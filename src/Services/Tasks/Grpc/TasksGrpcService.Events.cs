using Grpc.Core;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

public sealed partial class TasksGrpcService
{
    public override Task<ListTaskEventsResponse> ListTaskEvents(ListTaskEventsRequest request, ServerCallContext context) =>
        events.ListAsync(request, context.CancellationToken);
}
