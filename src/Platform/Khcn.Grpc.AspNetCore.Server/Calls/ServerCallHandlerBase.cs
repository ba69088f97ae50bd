using System.Diagnostics;
using Grpc.AspNetCore.Server.Diagnostics;
using Grpc.Core;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>
/// Shared lifecycle of every call kind: validate the request, create the call context, run the
/// kind-specific part, then send the final status whatever happened. The call's span and duration cover all of it,
/// streaming calls included.
/// </summary>
internal abstract class ServerCallHandlerBase<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodOptions options, ILogger logger)
    where TRequest : class
    where TResponse : class
{
    // Only when writing the status itself failed; the client then sees the stream reset, not a gRPC status.
    private static readonly Status UnsentStatus = new(StatusCode.Unknown, "The call ended before its status was sent.");

    private readonly ServerCallTelemetry _telemetry = new(method);

    protected Method<TRequest, TResponse> Method { get; } = method;

    protected MethodOptions Options { get; } = options;

    public async Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidator.TryValidate(httpContext))
        {
            return;
        }

        var startTimestamp = Stopwatch.GetTimestamp();
        var activity = _telemetry.StartActivity(httpContext);
        var context = new HttpContextServerCallContext(httpContext, Options, Method.FullName);
        try
        {
            if (!context.TryInitialize(out var failure))
            {
                await context.CompleteWithStatusAsync(failure, null).ConfigureAwait(false);
                return;
            }

            context.PrepareResponseHeaders();
            await HandleCallCoreAsync(context).ConfigureAwait(false);

            // A deadline that fired while the handler ran wins: the client has already given up on a result.
            var status = context.DeadlineExceeded ? CallEndStatuses.DeadlineExceeded : context.Status;
            await context.CompleteWithStatusAsync(status, null).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var status = CallExceptionMapper.ToStatus(exception, context, out var trailers);
            LogFailure(exception, status, CallExceptionMapper.IsClientCancellation(exception, context));
            await context.CompleteWithStatusAsync(status, trailers).ConfigureAwait(false);
        }
        finally
        {
            _telemetry.OnCallEnded(activity, startTimestamp, context.SentStatus ?? UnsentStatus);
            await context.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected abstract Task HandleCallCoreAsync(HttpContextServerCallContext context);

    protected RequestMessageReader<TRequest> CreateReader(HttpContextServerCallContext context)
        => new(context.HttpContext.Request.BodyReader, Method.RequestMarshaller, context.ReadOptions);

    protected ResponseMessageWriter<TResponse> CreateWriter(HttpContextServerCallContext context)
        => new(context, Method.ResponseMarshaller);

    // Error is for the server's own faults only. A status the handler chose (RpcException; the request readers also
    // report a client's RST_STREAM that way, see ClientResetStatus) and a call the client ended are normal endings.
    private void LogFailure(Exception exception, Status status, bool clientCancelled)
    {
        if (exception is RpcException || clientCancelled)
        {
            logger.LogDebug("gRPC call {Method} ended with {StatusCode}: {Detail}", Method.FullName, status.StatusCode, status.Detail);
        }
        else
        {
            logger.LogError(exception, "Error when executing gRPC method {Method}.", Method.FullName);
        }
    }
}
