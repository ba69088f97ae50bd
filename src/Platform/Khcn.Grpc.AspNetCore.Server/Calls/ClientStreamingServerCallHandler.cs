using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Client-streaming call: a stream of request messages, one response message.</summary>
internal sealed class ClientStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    MethodOptions options,
    ClientStreamingServerMethod<TRequest, TResponse> invoker,
    ILogger logger)
    : ServerCallHandlerBase<TRequest, TResponse>(method, options, logger)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var requestStream = new HttpContextStreamReader<TRequest>(context, CreateReader(context));
        var response = await invoker(requestStream, context).ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        }

        if (context.DeadlineExceeded)
        {
            return;
        }

        await CreateWriter(context).WriteAsync(response, flush: false, CancellationToken.None).ConfigureAwait(false);
    }
}
