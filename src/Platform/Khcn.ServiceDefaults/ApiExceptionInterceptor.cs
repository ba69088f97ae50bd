using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Aip;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns <see cref="ApiException"/>s thrown by service code into the google.rpc.Status AIP-193 describes, with the
/// ErrorInfo domain of the service that was called (e.g. "provinces.khcn.gov.vn"). Other exceptions pass through
/// to the server's own handling.
/// </summary>
public sealed class ApiExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Map(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw Map(e, context);
        }
    }

    private static RpcException Map(ApiException e, ServerCallContext context) =>
        ApiErrorMapping.ToRpcException(e, ApiErrorMapping.DomainForMethod(context.Method));
}
