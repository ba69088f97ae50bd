using Grpc.Core;
using Khcn.Tasks.V1;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Grpc;

/// <summary>The Task resource's standard methods.</summary>
public sealed partial class TasksGrpcService
{
    public override Task<TaskMessage> GetTask(GetTaskRequest request, ServerCallContext context) =>
        tasks.GetAsync(request, context.CancellationToken);

    public override Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context) =>
        tasks.ListAsync(request, context.CancellationToken);

    public override Task<TaskMessage> CreateTask(CreateTaskRequest request, ServerCallContext context) =>
        tasks.CreateAsync(request, context.CancellationToken);

    public override Task<TaskMessage> UpdateTask(UpdateTaskRequest request, ServerCallContext context) =>
        tasks.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteTask(DeleteTaskRequest request, ServerCallContext context) =>
        tasks.DeleteAsync(request, context.CancellationToken);
}
