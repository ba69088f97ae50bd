using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class DeadlineAndCancellationTests
{
    /// <summary>A server that accepts the call and never answers; completes <c>Aborted</c> when the client resets the stream.</summary>
    private sealed class SilentServer
    {
        public TaskCompletionSource<IHeaderDictionary> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HandleAsync(HttpContext context)
        {
            Received.TrySetResult(context.Request.Headers);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Aborted.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Deadline_IsSentAsGrpcTimeoutHeader()
    {
        IHeaderDictionary? seen = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            seen = context.Request.Headers;
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        await client.GetEchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMinutes(5)).ResponseAsync.OrHang();

        Assert.True(GrpcTimeout.TryParse(seen!["grpc-timeout"].ToString(), out var timeout));
        Assert.InRange(timeout, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Deadline_ServerNeverAnswers_FailsWithDeadlineExceededAndResetsStream()
    {
        var silent = new SilentServer();
        await using var server = await RawGrpcServer.StartAsync(silent.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.GetEchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.OrHang());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        await silent.Aborted.Task.OrHang();
    }

    [Fact]
    public async Task Deadline_ServerStreamingIdle_FailsWithDeadlineExceeded()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Index = 1 });
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.ListEchoes(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).OrHang());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task DeadlineAlreadyPassed_FailsWithoutSendingTheRequest()
    {
        var requests = 0;
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            return GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task Cancellation_FailsWithCancelledAndResetsStream()
    {
        var silent = new SilentServer();
        await using var server = await RawGrpcServer.StartAsync(silent.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        using var cts = new CancellationTokenSource();

        var call = client.GetEchoAsync(new EchoRequest(), cancellationToken: cts.Token);
        await silent.Received.Task.OrHang();
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await silent.Aborted.Task.OrHang();
    }

    [Fact]
    public async Task DisposingCall_ResetsStreamWithCancelled()
    {
        var silent = new SilentServer();
        await using var server = await RawGrpcServer.StartAsync(silent.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        var call = client.ListEchoes(new EchoRequest());
        await silent.Received.Task.OrHang();
        call.Dispose();

        await silent.Aborted.Task.OrHang();
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task MoveNextCancellation_CancelsTheCall()
    {
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);
        using var cts = new CancellationTokenSource();

        using var call = client.ListEchoes(new EchoRequest());
        await call.ResponseHeadersAsync.OrHang();
        var move = call.ResponseStream.MoveNext(cts.Token);
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => move.OrHang());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task ThrowOperationCanceledOnCancellation_ThrowsOperationCanceledException()
    {
        var silent = new SilentServer();
        await using var server = await RawGrpcServer.StartAsync(silent.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { ThrowOperationCanceledOnCancellation = true });
        var client = new EchoService.EchoServiceClient(channel);
        using var cts = new CancellationTokenSource();

        var call = client.GetEchoAsync(new EchoRequest(), cancellationToken: cts.Token);
        await silent.Received.Task.OrHang();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.ResponseAsync.OrHang());
    }
}
