using Grpc.Core;
using Khcn.Services.Tests.Records;
using Khcn.Tasks.V1;
using Outcome = Khcn.Tasks.V1.ImportTaskResult.Types.Outcome;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// page_size and filter limits across a real List (ListTasks, on a Tasks service holding more tasks than one page
/// may carry).
/// </summary>
public sealed class ListLimitTests : IAsyncLifetime
{
    private const int MaxPageSize = 1000;

    private readonly HardenedHosts _hosts = new();
    private readonly string _marker = "hardening" + Guid.NewGuid().ToString("N")[..10];
    private TasksService.TasksServiceClient _tasks = null!;

    public async Task InitializeAsync()
    {
        _tasks = new TasksService.TasksServiceClient(_hosts.ChannelTo(await _hosts.StartTasksAsync()));

        using var call = _tasks.ImportTasks(deadline: HardenedCalls.Deadline);
        for (var i = 0; i <= MaxPageSize; i++)
        {
            await call.RequestStream.WriteAsync(new ImportTasksRequest { RequestId = Guid.NewGuid().ToString(), Task = SampleTasks.LaiChauTopic($"Nhiệm vụ {i} {_marker}") });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        Assert.All(response.Results, r => Assert.Equal(Outcome.Created, r.Outcome));
    }

    public async Task DisposeAsync() => await _hosts.DisposeAsync();

    [Fact]
    public async Task PageSizeAboveTheMaximum_IsClampedToTheMaximum()
    {
        var page = await _tasks.ListTasksAsync(
            new ListTasksRequest { PageSize = 100_000, Filter = $"title:\"{_marker}\"" }, deadline: HardenedCalls.Deadline);

        Assert.Equal(MaxPageSize, page.Tasks.Count);
        Assert.NotEmpty(page.NextPageToken);
    }

    [Fact]
    public async Task NegativePageSize_IsInvalidArgument_OnPageSize()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _tasks.ListTasksAsync(
            new ListTasksRequest { PageSize = -1 }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        HardenedCalls.ViolationOn(error, "page_size");
    }

    [Fact]
    public async Task FilterNestedTooDeep_IsInvalidArgument_NamingTheLimitOnFilter()
    {
        // About 900 levels: far past the limit, and deep enough to overflow a parser that recursed without one.
        const int levels = 900;
        var filter = new string('(', levels) + "level = NATIONAL" + new string(')', levels);

        var error = await Assert.ThrowsAsync<RpcException>(() => _tasks.ListTasksAsync(
            new ListTasksRequest { Filter = filter }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 16 levels", HardenedCalls.ViolationOn(error, "filter").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterWithTooManyTerms_IsInvalidArgument_NamingTheLimitOnFilter()
    {
        var filter = string.Join(" OR ", Enumerable.Repeat("level = NATIONAL", 65));

        var error = await Assert.ThrowsAsync<RpcException>(() => _tasks.ListTasksAsync(
            new ListTasksRequest { Filter = filter }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 64", HardenedCalls.ViolationOn(error, "filter").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilterLongerThanTheMaximum_IsInvalidArgument_NamingTheLimitOnFilter()
    {
        var filter = $"title:\"{new string('a', 2100)}\"";

        var error = await Assert.ThrowsAsync<RpcException>(() => _tasks.ListTasksAsync(
            new ListTasksRequest { Filter = filter }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 2000", HardenedCalls.ViolationOn(error, "filter").Description, StringComparison.Ordinal);
    }
}
