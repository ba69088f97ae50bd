using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Server-streaming call: one request message, a stream of response messages.</summary>
internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    MethodOptions options,
    ServerStreamingServerMethod<TRequest, TResponse> invoker,
    ILogger logger)
    : ServerCallHandlerBase<TRequest, TResponse>(method, options, logger)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var request = await CreateReader(context).ReadSingleAsync(context.BodyReadToken).ConfigureAwait(false);
        var responseStream = new HttpContextStreamWriter<TResponse>(context, CreateWriter(context));
        await invoker(request, responseStream, context).ConfigureAwait(false);
    }
}
