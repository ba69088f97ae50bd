using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class RetryTests
{
    private const string Service = "khcn.clienttests.v1.EchoService";

    private static GrpcChannelOptions RetryOptions(int maxAttempts = 5, int? maxRetryAttempts = 5, params string[] methods)
    {
        var policy = new RetryPolicy
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = TimeSpan.FromMilliseconds(10),
            MaxBackoff = TimeSpan.FromMilliseconds(50),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        };
        var config = new MethodConfig { RetryPolicy = policy };
        foreach (var method in methods.Length == 0 ? ["GetEcho", "ListEchoes", "CreateEchoes"] : methods)
        {
            config.Names.Add(new MethodName { Service = Service, Method = method });
        }

        return new GrpcChannelOptions { ServiceConfig = new ServiceConfig { MethodConfigs = { config } }, MaxRetryAttempts = maxRetryAttempts };
    }

    /// <summary>Fails the first <paramref name="failures"/> attempts Trailers-Only with <paramref name="status"/>, then echoes.</summary>
    private sealed class FlakyServer(int failures, StatusCode status = StatusCode.Unavailable, string? pushback = null)
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public ConcurrentQueue<string> PreviousAttemptHeaders { get; } = new();

        public ConcurrentQueue<DateTime> Times { get; } = new();

        public async Task HandleAsync(HttpContext context)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            Times.Enqueue(DateTime.UtcNow);
            PreviousAttemptHeaders.Enqueue(context.Request.Headers["grpc-previous-rpc-attempts"].ToString());
            var request = await GrpcWire.ReadMessageAsync(context.Request, EchoRequest.Parser);
            if (attempt <= failures)
            {
                GrpcWire.WriteTrailersOnly(context, status, $"attempt {attempt} failed");
                if (pushback is not null)
                {
                    context.Response.Headers["grpc-retry-pushback-ms"] = pushback;
                }

                return;
            }

            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Text = request!.Text, Index = attempt });
            GrpcWire.SetTrailers(context, StatusCode.OK);
        }
    }

    [Fact]
    public async Task Retry_UnavailableUnaryCall_SucceedsOnThirdAttempt()
    {
        var flaky = new FlakyServer(failures: 2);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        var reply = await client.GetEchoAsync(new EchoRequest { Text = "again" }).ResponseAsync.OrHang();

        Assert.Equal("again", reply.Text);
        Assert.Equal(3, reply.Index);
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(["", "1", "2"], flaky.PreviousAttemptHeaders.ToArray());
    }

    [Fact]
    public async Task Retry_StopsAfterMaxAttempts()
    {
        var flaky = new FlakyServer(failures: 100);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions(maxAttempts: 3));
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal("attempt 3 failed", error.Status.Detail);
        Assert.Equal(3, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_MaxRetryAttemptsCapsThePolicy()
    {
        var flaky = new FlakyServer(failures: 100);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions(maxAttempts: 10, maxRetryAttempts: 2));
        var client = new EchoService.EchoServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(2, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_DefaultMaxRetryAttemptsIsFive()
    {
        var flaky = new FlakyServer(failures: 100);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        var options = RetryOptions(maxAttempts: 10);
        options.MaxRetryAttempts = new GrpcChannelOptions().MaxRetryAttempts;
        using var channel = GrpcChannel.ForAddress(server.Address, options);
        var client = new EchoService.EchoServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(5, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_NonRetryableStatus_IsNotRetried()
    {
        var flaky = new FlakyServer(failures: 1, status: StatusCode.Internal);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(1, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_MethodWithoutPolicy_IsNotRetried()
    {
        var flaky = new FlakyServer(failures: 1);
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions(methods: "ListEchoes"));
        var client = new EchoService.EchoServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(1, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_AfterResponseHeadersCommitted_IsNotRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref attempts);
            GrpcWire.StartGrpcResponse(context);
            await context.Response.Body.FlushAsync();
            GrpcWire.SetTrailers(context, StatusCode.Unavailable, "after headers");
        });
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Retry_HttpUnavailableFromProxy_IsRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        var reply = await client.GetEchoAsync(new EchoRequest { Text = "ok" }).ResponseAsync.OrHang();

        Assert.Equal("ok", reply.Text);
        Assert.Equal(2, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Retry_NegativePushback_StopsRetrying()
    {
        var flaky = new FlakyServer(failures: 100, pushback: "-1");
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(1, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_PushbackDelay_IsWaitedBeforeTheNextAttempt()
    {
        var flaky = new FlakyServer(failures: 1, pushback: "300");
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        await client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        var times = flaky.Times.ToArray();
        Assert.Equal(2, times.Length);
        // Lower bound only: the backoff policy alone (≤ 10 ms) could never produce this gap.
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(250), $"gap was {times[1] - times[0]}");
    }

    [Fact]
    public async Task Retry_ServerStreamingBeforeHeaders_IsRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref attempts) < 3)
            {
                GrpcWire.WriteTrailersOnly(context, StatusCode.Unavailable);
                return;
            }

            GrpcWire.StartGrpcResponse(context);
            await GrpcWire.WriteMessageAsync(context, new EchoReply { Index = 7 });
            GrpcWire.SetTrailers(context, StatusCode.OK);
        });
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.ListEchoes(new EchoRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        Assert.Equal(7, call.ResponseStream.Current.Index);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).OrHang());
        Assert.Equal(3, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Retry_ClientStreamingCall_IsNeverRetried()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            Interlocked.Increment(ref attempts);
            GrpcWire.WriteTrailersOnly(context, StatusCode.Unavailable);
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        using var call = client.CreateEchoes();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, Volatile.Read(ref attempts));
    }

    [Fact]
    public async Task Retry_DeadlineCoversAllAttempts()
    {
        var flaky = new FlakyServer(failures: 100, pushback: "60000");
        await using var server = await RawGrpcServer.StartAsync(flaky.HandleAsync);
        using var channel = GrpcChannel.ForAddress(server.Address, RetryOptions());
        var client = new EchoService.EchoServiceClient(channel);

        // The deadline leaves ample time for the first attempt (cold connection) but ends long before the 60 s pushback.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetEchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(3)).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(1, flaky.Attempts);
    }

    [Fact]
    public async Task Retry_ServerUnreachable_IsRetriedAsUnavailable()
    {
        // Bind and release a port so nothing listens on it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", RetryOptions(maxAttempts: 3));
        var client = new EchoService.EchoServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
