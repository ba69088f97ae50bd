using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Unary call: exactly one request message, one response message.</summary>
internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    MethodOptions options,
    UnaryServerMethod<TRequest, TResponse> invoker,
    ILogger logger)
    : ServerCallHandlerBase<TRequest, TResponse>(method, options, logger)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var request = await CreateReader(context).ReadSingleAsync(context.BodyReadToken).ConfigureAwait(false);
        var response = await invoker(request, context).ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        }

        if (context.DeadlineExceeded)
        {
            return;
        }

        // Not flushed: Kestrel sends the message and the trailers together when the request ends.
        await CreateWriter(context).WriteAsync(response, flush: false, CancellationToken.None).ConfigureAwait(false);
    }
}
