using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using TasksClient = Khcn.Tasks.V1.TasksService.TasksServiceClient;
using GetTaskRequest = Khcn.Tasks.V1.GetTaskRequest;

namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>
/// Looks origin tasks up with the Tasks service's GetTask (client "tasks", address from
/// <see cref="OriginErrors.AddressSetting"/>). NOT_FOUND means the task does not exist; any other failure to get an
/// answer, a missing address included, is UNAVAILABLE TASKS_UNAVAILABLE.
/// </summary>
internal sealed class TasksServiceOriginTaskDirectory(
    GrpcClientFactory clients,
    IConfiguration configuration,
    IOptions<OriginTaskOptions> options) : IOriginTaskDirectory
{
    public const string ClientName = "tasks";

    public async Task<OriginTask?> FindAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var client = clients.CreateClient<TasksClient>(ClientName);
            // The channel measures deadlines on the system clock, whatever TimeProvider the application uses.
            var deadline = DateTime.UtcNow + options.Value.CallTimeout;
            var task = await client.GetTaskAsync(new GetTaskRequest { Name = name }, deadline: deadline, cancellationToken: cancellationToken);
            return new OriginTask(
                task.Name,
                task.HostOrganisation?.DisplayName ?? "",
                task.HostOrganisation?.Address ?? "",
                task.Budget?.StateBudgetVnd ?? 0,
                task.Budget?.OtherSourcesVnd ?? 0);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw OriginErrors.TasksUnavailable($"{e.StatusCode}: {e.Status.Detail}", configuration[OriginErrors.AddressSetting], e);
        }
        catch (InvalidOperationException e)
        {
            // The client factory throws this when no address is configured (or it is not a URI).
            throw OriginErrors.TasksUnavailable(e.Message, configuration[OriginErrors.AddressSetting], e);
        }
    }
}
