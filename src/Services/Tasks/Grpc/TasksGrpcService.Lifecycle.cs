using Grpc.Core;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Grpc;

public sealed partial class TasksGrpcService
{
    public override Task<V1.Task> SelectTask(SelectTaskRequest request, ServerCallContext context) =>
        lifecycle.SelectAsync(request, context.CancellationToken);

    public override Task<V1.Task> ApproveTask(ApproveTaskRequest request, ServerCallContext context) =>
        lifecycle.ApproveAsync(request, context.CancellationToken);

    public override Task<V1.Task> ContractTask(ContractTaskRequest request, ServerCallContext context) =>
        lifecycle.ContractAsync(request, context.CancellationToken);

    public override Task<V1.Task> StartTask(StartTaskRequest request, ServerCallContext context) =>
        lifecycle.StartAsync(request, context.CancellationToken);

    public override Task<V1.Task> AdjustTask(AdjustTaskRequest request, ServerCallContext context) =>
        lifecycle.AdjustAsync(request, context.CancellationToken);

    public override Task<V1.Task> ExtendTask(ExtendTaskRequest request, ServerCallContext context) =>
        lifecycle.ExtendAsync(request, context.CancellationToken);

    public override Task<V1.Task> AcceptTask(AcceptTaskRequest request, ServerCallContext context) =>
        lifecycle.AcceptAsync(request, context.CancellationToken);

    public override Task<V1.Task> FailTask(FailTaskRequest request, ServerCallContext context) =>
        lifecycle.FailAsync(request, context.CancellationToken);

    public override Task<V1.Task> TerminateTask(TerminateTaskRequest request, ServerCallContext context) =>
        lifecycle.TerminateAsync(request, context.CancellationToken);

    public override Task<V1.Task> ReplicateTask(ReplicateTaskRequest request, ServerCallContext context) =>
        lifecycle.ReplicateAsync(request, context.CancellationToken);
}
