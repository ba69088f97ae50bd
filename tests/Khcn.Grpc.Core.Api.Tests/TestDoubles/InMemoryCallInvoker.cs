using System.Threading.Channels;
using Grpc.Core;

namespace Khcn.Grpc.Core.Api.Tests.TestDoubles;

/// <summary>
/// Dispatches calls straight to handlers captured by <see cref="InMemoryServiceBinder"/>. Only for API-shape tests:
/// it proves the generated client, the generated BindService and our Core.Api types fit together, with messages
/// passing through the generated marshallers. Wire behaviour is tested against real servers elsewhere.
/// </summary>
internal sealed class InMemoryCallInvoker(InMemoryServiceBinder binder) : CallInvoker
{
    public List<(string Method, string? Host, Metadata? Headers)> Calls { get; } = [];

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var context = CreateContext(method, host, options);
        var handler = binder.Handler<UnaryServerMethod<TRequest, TResponse>>(method.FullName);
        var response = RunAsync(context, async () => RoundTrip(method.ResponseMarshaller, await handler(RoundTrip(method.RequestMarshaller, request), context)));
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(context.ResponseHeaders), () => StatusOf(response, context), () => context.ResponseTrailers, () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var context = CreateContext(method, host, options);
        var handler = binder.Handler<ServerStreamingServerMethod<TRequest, TResponse>>(method.FullName);
        var responses = Channel.CreateUnbounded<TResponse>();
        var completion = RunAsync(context, async () =>
        {
            try
            {
                await handler(RoundTrip(method.RequestMarshaller, request), new ChannelStreamWriter<TResponse>(responses.Writer, method.ResponseMarshaller), context);
                responses.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                responses.Writer.TryComplete(ex);
                throw;
            }

            return true;
        });
        return new AsyncServerStreamingCall<TResponse>(new ChannelStreamReader<TResponse>(responses.Reader), Task.FromResult(context.ResponseHeaders), () => StatusOf(completion, context), () => context.ResponseTrailers, () => { });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var context = CreateContext(method, host, options);
        var handler = binder.Handler<ClientStreamingServerMethod<TRequest, TResponse>>(method.FullName);
        var requests = Channel.CreateUnbounded<TRequest>();
        var response = RunAsync(context, async () => RoundTrip(method.ResponseMarshaller, await handler(new ChannelStreamReader<TRequest>(requests.Reader), context)));
        return new AsyncClientStreamingCall<TRequest, TResponse>(new ChannelStreamWriter<TRequest>(requests.Writer, method.RequestMarshaller), response, Task.FromResult(context.ResponseHeaders), () => StatusOf(response, context), () => context.ResponseTrailers, () => { });
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var context = CreateContext(method, host, options);
        var handler = binder.Handler<DuplexStreamingServerMethod<TRequest, TResponse>>(method.FullName);
        var requests = Channel.CreateUnbounded<TRequest>();
        var responses = Channel.CreateUnbounded<TResponse>();
        var completion = RunAsync(context, async () =>
        {
            try
            {
                await handler(new ChannelStreamReader<TRequest>(requests.Reader), new ChannelStreamWriter<TResponse>(responses.Writer, method.ResponseMarshaller), context);
                responses.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                responses.Writer.TryComplete(ex);
                throw;
            }

            return true;
        });

        // Uses the state-object constructor so both constructor shapes are exercised.
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new ChannelStreamWriter<TRequest>(requests.Writer, method.RequestMarshaller),
            new ChannelStreamReader<TResponse>(responses.Reader),
            state => Task.FromResult(((TestServerCallContext)state).ResponseHeaders),
            state => StatusOf(completion, (TestServerCallContext)state),
            state => ((TestServerCallContext)state).ResponseTrailers,
            _ => { },
            context);
    }

    private static T RoundTrip<T>(Marshaller<T> marshaller, T message) =>
        marshaller.ContextualDeserializer(new ArrayDeserializationContext(marshaller.Serializer(message)));

    private static Task<T> RunAsync<T>(TestServerCallContext context, Func<Task<T>> body) => Task.Run(body);

    private static Status StatusOf(Task task, TestServerCallContext context) => task switch
    {
        { IsCompletedSuccessfully: true } => context.Status,
        { Exception.InnerException: RpcException ex } => ex.Status,
        { IsFaulted: true } => new Status(StatusCode.Unknown, "Exception was thrown by handler."),
        _ => throw new InvalidOperationException("Status is only available once the call has completed."),
    };

    private TestServerCallContext CreateContext(IMethod method, string? host, CallOptions options)
    {
        Calls.Add((method.FullName, host, options.Headers));
        return new TestServerCallContext(method.FullName, host, options.Headers ?? [], options.CancellationToken);
    }

    private sealed class ArrayDeserializationContext(byte[] payload) : DeserializationContext
    {
        public override int PayloadLength => payload.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

        public override System.Buffers.ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
    }
}
