using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

/// <summary>
/// Entry point of the TasksService v1 API. Requests enter here and are handed to the domain;
/// methods not built yet are not overridden, so the generated base answers UNIMPLEMENTED.
/// </summary>
public sealed class TasksGrpcService : TasksService.TasksServiceBase
{
}
