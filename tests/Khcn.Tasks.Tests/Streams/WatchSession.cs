using System.Threading.Channels;
using Grpc.Core;
using Khcn.Tasks.V1;

namespace Khcn.Tasks.Tests.Streams;

/// <summary>
/// One WatchTasks call read in the background, so a test can wait for the next change with a (generous) time limit
/// and end the watch by cancelling it. Started only once the server has fixed its start position (the response
/// headers), so every change the test makes afterwards is in the feed.
/// </summary>
internal sealed class WatchSession : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _end = new();
    private readonly AsyncServerStreamingCall<WatchTasksResponse> _call;
    private readonly Channel<WatchTasksResponse> _received = Channel.CreateUnbounded<WatchTasksResponse>();
    private readonly Task _reader;

    private WatchSession(TasksService.TasksServiceClient client, WatchTasksRequest request)
    {
        _call = client.WatchTasks(request, cancellationToken: _end.Token);
        _reader = ReadAsync();
    }

    public static async Task<WatchSession> StartAsync(TasksService.TasksServiceClient client, WatchTasksRequest request)
    {
        var session = new WatchSession(client, request);
        await session._call.ResponseHeadersAsync.WaitAsync(Patience);
        return session;
    }

    /// <summary>The next change; fails the test when none arrives in time or the watch ended.</summary>
    public async Task<WatchTasksResponse> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No change arrived within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>The next <paramref name="count"/> changes, in order.</summary>
    public async Task<IReadOnlyList<WatchTasksResponse>> NextAsync(int count)
    {
        var changes = new List<WatchTasksResponse>(count);
        for (var i = 0; i < count; i++)
        {
            changes.Add(await NextAsync());
        }

        return changes;
    }

    public async ValueTask DisposeAsync()
    {
        await _end.CancelAsync();
        await _reader;
        _call.Dispose();
        _end.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(_end.Token))
            {
                await _received.Writer.WriteAsync(_call.ResponseStream.Current);
            }

            _received.Writer.Complete();
        }
        catch (Exception e)
        {
            _received.Writer.Complete(_end.IsCancellationRequested ? null : e);
        }
    }
}
