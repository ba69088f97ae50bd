using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Duplex-streaming call: request and response streams proceed independently.</summary>
internal sealed class DuplexStreamingServerCallHandler<TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    MethodOptions options,
    DuplexStreamingServerMethod<TRequest, TResponse> invoker,
    ILogger logger)
    : ServerCallHandlerBase<TRequest, TResponse>(method, options, logger)
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(HttpContextServerCallContext context)
    {
        var requestStream = new HttpContextStreamReader<TRequest>(context, CreateReader(context));
        var responseStream = new HttpContextStreamWriter<TResponse>(context, CreateWriter(context));
        await invoker(requestStream, responseStream, context).ConfigureAwait(false);
    }
}
