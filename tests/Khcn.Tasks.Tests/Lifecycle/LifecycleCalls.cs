using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Tasks.V1;
using State = Khcn.Tasks.V1.Task.Types.State;
using TaskMessage = Khcn.Tasks.V1.Task;

namespace Khcn.Tasks.Tests.Lifecycle;

/// <summary>Calls any lifecycle method by its RPC name with arguments valid in themselves, so only the state can refuse it.</summary>
internal static class LifecycleCalls
{
    public const string Actor = "Sở Khoa học và Công nghệ Lai Châu";

    public static AsyncUnaryCall<TaskMessage> Call(TasksService.TasksServiceClient client, string rpc, string name, string etag = "") => rpc switch
    {
        "SelectTask" => client.SelectTaskAsync(new SelectTaskRequest { Name = name, Etag = etag, Actor = Actor }),
        "ApproveTask" => client.ApproveTaskAsync(new ApproveTaskRequest { Name = name, Etag = etag, Actor = Actor }),
        "ContractTask" => client.ContractTaskAsync(new ContractTaskRequest { Name = name, Etag = etag, Actor = Actor }),
        "StartTask" => client.StartTaskAsync(new StartTaskRequest { Name = name, Etag = etag, Actor = Actor }),
        "AdjustTask" => client.AdjustTaskAsync(new AdjustTaskRequest
        {
            Name = name,
            Etag = etag,
            Actor = Actor,
            Reason = "điều chỉnh nội dung",
            Task = new TaskMessage { Subject = "khoai sọ Nậm Khao vụ đông" },
            AdjustMask = new FieldMask { Paths = { "subject" } },
        }),
        "ExtendTask" => client.ExtendTaskAsync(new ExtendTaskRequest
        {
            Name = name,
            Etag = etag,
            Actor = Actor,
            Reason = "thời tiết bất lợi",
            NewEndDate = new Google.Type.Date { Year = 2030, Month = 12, Day = 31 },
        }),
        "AcceptTask" => client.AcceptTaskAsync(new AcceptTaskRequest { Name = name, Etag = etag, Actor = Actor, Rating = AcceptanceRating.Pass }),
        "FailTask" => client.FailTaskAsync(new FailTaskRequest { Name = name, Etag = etag, Actor = Actor, Reason = "không đạt" }),
        "TerminateTask" => client.TerminateTaskAsync(new TerminateTaskRequest { Name = name, Etag = etag, Actor = Actor, Reason = "dừng thực hiện" }),
        "ReplicateTask" => client.ReplicateTaskAsync(new ReplicateTaskRequest
        {
            Name = name, Etag = etag, Actor = Actor, Adopters = { "Hợp tác xã Nậm Khao" },
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, "Not a lifecycle method."),
    };

    /// <summary>Moves <paramref name="task"/> from PROPOSED to <paramref name="target"/> along the contract's lifecycle.</summary>
    public static async Task<TaskMessage> WalkToAsync(TasksService.TasksServiceClient client, TaskMessage task, State target)
    {
        foreach (var rpc in LifecycleStatement.PathTo(target))
        {
            task = await Call(client, rpc, task.Name, task.Etag);
        }

        Assert.Equal(target, task.State);
        return task;
    }
}
