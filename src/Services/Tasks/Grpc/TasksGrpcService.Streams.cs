using Grpc.Core;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

public sealed partial class TasksGrpcService
{
    public override Task<ImportTasksResponse> ImportTasks(IAsyncStreamReader<ImportTasksRequest> requestStream, ServerCallContext context) =>
        imports.ImportAsync(requestStream, context.CancellationToken);

    public override Task ExportTasks(ExportTasksRequest request, IServerStreamWriter<ExportTasksResponse> responseStream, ServerCallContext context) =>
        exports.ExportAsync(request, responseStream, context.CancellationToken);

    public override Task WatchTasks(WatchTasksRequest request, IServerStreamWriter<WatchTasksResponse> responseStream, ServerCallContext context) =>
        watches.WatchAsync(request, responseStream, () => context.WriteResponseHeadersAsync(new Metadata()), context.CancellationToken);
}
