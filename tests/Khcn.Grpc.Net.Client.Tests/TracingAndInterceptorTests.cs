using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Diagnostics;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Khcn.Grpc.Net.Client.Tests.Infrastructure;

namespace Khcn.Grpc.Net.Client.Tests;

public sealed class TracingAndInterceptorTests
{
    [Fact]
    public async Task Traceparent_ServerSeesTheCallersTraceId()
    {
        string? traceparent = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            traceparent = context.Request.Headers["traceparent"].ToString();
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Test.Caller" or GrpcClientDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Test.Caller");
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        using var parent = source.StartActivity("caller")!;
        await client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        Assert.False(string.IsNullOrEmpty(traceparent));
        var traceId = traceparent!.Split('-')[1];
        Assert.Equal(parent.TraceId.ToHexString(), traceId);
        Assert.Same(parent, Activity.Current);
    }

    [Fact]
    public async Task ClientActivity_IsNamedGrpcOut_AndTagsTheStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(context =>
        {
            GrpcWire.WriteTrailersOnly(context, StatusCode.NotFound);
            return Task.CompletedTask;
        });
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Test.Status" or GrpcClientDiagnostics.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Test.Status");
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel);

        // Other tests run in parallel and also produce client activities: only the child of our parent counts.
        using var parent = source.StartActivity("caller")!;
        await Assert.ThrowsAsync<RpcException>(() => client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang());

        Activity activity;
        lock (stopped)
        {
            activity = Assert.Single(stopped, a => a.ParentSpanId == parent.SpanId);
        }

        Assert.Equal("Grpc.Net.Client.GrpcOut", activity.OperationName);
        Assert.Equal((int)StatusCode.NotFound, activity.GetTagItem("grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    private sealed class HeaderInterceptor(string value) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context,
            AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var headers = context.Options.Headers ?? new Metadata();
            headers.Add("x-intercepted", value);
            var options = context.Options.WithHeaders(headers);
            return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options));
        }
    }

    [Fact]
    public async Task Interceptor_ViaIntercept_SeesAndChangesTheCall()
    {
        string? seen = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            seen = context.Request.Headers["x-intercepted"].ToString();
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new EchoService.EchoServiceClient(channel.Intercept(new HeaderInterceptor("yes")));

        await client.GetEchoAsync(new EchoRequest()).ResponseAsync.OrHang();

        Assert.Equal("yes", seen);
    }

    [Fact]
    public async Task CallCredentials_AddMetadataToTheRequest()
    {
        string? authorization = null;
        await using var server = await RawGrpcServer.StartAsync(async context =>
        {
            authorization = context.Request.Headers.Authorization.ToString();
            await GrpcWire.EchoUnaryAsync(context);
        });
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { UnsafeUseInsecureChannelCallCredentials = true });
        var client = new EchoService.EchoServiceClient(channel);
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer token-123");
            return Task.CompletedTask;
        });

        await client.GetEchoAsync(new EchoRequest(), new CallOptions(credentials: credentials)).ResponseAsync.OrHang();

        Assert.Equal("Bearer token-123", authorization);
    }
}
