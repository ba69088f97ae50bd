using Khcn.Tasks.Application.History;
using Khcn.Tasks.Application.Lifecycle;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Application.Streams;
using Khcn.Tasks.Application.Summary;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

/// <summary>
/// Entry point of the TasksService v1 API: requests enter here and are handed, unchanged, to the use case of their
/// area (Application/). One partial file per area keeps each screen short. Domain errors (Khcn.Aip.ApiException)
/// become google.rpc.Status in ServiceDefaults' interceptor.
/// </summary>
public sealed partial class TasksGrpcService(
    ProgrammeService programmes,
    TaskService tasks,
    TaskLifecycleService lifecycle,
    TaskEventService events,
    TaskSummaryService summaries,
    TaskImportService imports,
    TaskExportService exports,
    TaskWatchService watches) : TasksService.TasksServiceBase
{
}
