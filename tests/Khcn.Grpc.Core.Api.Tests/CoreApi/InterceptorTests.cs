using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Grpc.Core.Api.Tests.Generated;
using Khcn.Grpc.Core.Api.Tests.TestDoubles;

namespace Khcn.Grpc.Core.Api.Tests.CoreApi;

public sealed class InterceptorTests
{
    [Fact]
    public async Task ClientInterceptChain_FirstInterceptorInParamsRunsOutermost()
    {
        var log = new List<string>();
        var binder = new InMemoryServiceBinder();
        Echo.BindService(new EchoService()).BindService(binder);
        var invoker = new InMemoryCallInvoker(binder).Intercept(new RecordingInterceptor("a", log), new RecordingInterceptor("b", log), new RecordingInterceptor("c", log));

        await new Echo.EchoClient(invoker).UnaryAsync(new EchoRequest());

        Assert.Equal(["a:client", "b:client", "c:client"], log);
    }

    [Fact]
    public async Task ClientInterceptChain_NestedInterceptCalls_LastAppliedRunsFirst()
    {
        var log = new List<string>();
        var binder = new InMemoryServiceBinder();
        Echo.BindService(new EchoService()).BindService(binder);
        var invoker = new InMemoryCallInvoker(binder).Intercept(new RecordingInterceptor("inner", log)).Intercept(new RecordingInterceptor("outer", log));

        await new Echo.EchoClient(invoker).UnaryAsync(new EchoRequest());

        Assert.Equal(["outer:client", "inner:client"], log);
    }

    [Fact]
    public async Task MetadataInterceptor_AddsHeadersToEveryCall()
    {
        var binder = new InMemoryServiceBinder();
        Echo.BindService(new EchoService()).BindService(binder);
        var inner = new InMemoryCallInvoker(binder);
        var invoker = inner.Intercept(headers =>
        {
            headers.Add("x-request-id", "42");
            return headers;
        });

        await new Echo.EchoClient(invoker).UnaryAsync(new EchoRequest());

        Assert.Equal("42", inner.Calls.Single().Headers!.GetValue("x-request-id"));
    }

    [Fact]
    public async Task ServerInterceptChain_FirstInterceptorInParamsRunsOutermost()
    {
        var log = new List<string>();
        var binder = new InMemoryServiceBinder();
        Echo.BindService(new EchoService())
            .Intercept(new RecordingInterceptor("a", log), new RecordingInterceptor("b", log))
            .BindService(binder);

        await new Echo.EchoClient(new InMemoryCallInvoker(binder)).UnaryAsync(new EchoRequest());
        var stream = new Echo.EchoClient(new InMemoryCallInvoker(binder)).ServerStream(new EchoRequest { Repeat = 1 });
        while (await stream.ResponseStream.MoveNext())
        {
        }

        Assert.Equal(["a:server", "b:server", "a:server-stream", "b:server-stream"], log);
    }

    private sealed class RecordingInterceptor(string name, List<string> log) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            log.Add(name + ":client");
            return continuation(request, context);
        }

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            log.Add(name + ":server");
            return continuation(request, context);
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            log.Add(name + ":server-stream");
            return continuation(request, responseStream, context);
        }
    }
}
