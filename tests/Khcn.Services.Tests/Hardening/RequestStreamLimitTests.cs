using Grpc.Core;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Hardening;

/// <summary>Grpc:MaxRequestStreamMessages caps the request messages of one client-streaming call (here ImportTasks).</summary>
public sealed class RequestStreamLimitTests
{
    private const int Limit = 3;

    [Fact]
    public async Task RequestStreamUpToTheLimit_IsServed()
    {
        await using var hosts = new HardenedHosts();
        var tasks = new TasksService.TasksServiceClient(hosts.ChannelTo(await hosts.StartTasksAsync($"--Grpc:MaxRequestStreamMessages={Limit}")));

        var response = await ImportAsync(tasks, Limit);

        Assert.Equal(Limit, response.Results.Count);
    }

    [Fact]
    public async Task RequestStreamBeyondTheLimit_IsRefusedWithResourceExhausted_RequestStreamTooLong()
    {
        await using var hosts = new HardenedHosts();
        var tasks = new TasksService.TasksServiceClient(hosts.ChannelTo(await hosts.StartTasksAsync($"--Grpc:MaxRequestStreamMessages={Limit}")));

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(tasks, Limit + 1));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("REQUEST_STREAM_TOO_LONG", HardenedCalls.ReasonOf(error));
        Assert.Contains($"at most {Limit}", error.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<ImportTasksResponse> ImportAsync(TasksService.TasksServiceClient client, int records)
    {
        using var call = client.ImportTasks(deadline: HardenedCalls.Deadline);
        try
        {
            for (var i = 0; i < records; i++)
            {
                // Records without a task: each is answered REJECTED, which is all a stream-length test needs.
                await call.RequestStream.WriteAsync(new ImportTasksRequest { RequestId = Guid.NewGuid().ToString() });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The server ended the call before reading everything: its status follows.
        }

        return await call.ResponseAsync;
    }
}
