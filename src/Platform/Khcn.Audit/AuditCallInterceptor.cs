using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Khcn.Data.Audit;
using Khcn.ServiceDefaults.Security;

namespace Khcn.Audit;

/// <summary>
/// Makes every call an <see cref="AuditCall"/> for the writes it makes: the authenticated caller (or "anonymous"
/// when authentication is off), the method, the request's <c>request_id</c> and the call's trace id. Registered after
/// the authentication interceptor, so the caller is known. Created per call, from the call's services.
/// </summary>
internal sealed class AuditCallInterceptor(ICallerContext callerContext) : Interceptor
{
    private const string RequestIdField = "request_id";
    private const string TraceParentHeader = "traceparent";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using (AuditCall.Begin(Describe(context, RequestIdOf(request))))
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
    }

    /// <remarks>
    /// A client stream (ImportTasks) saves its records in batches, so no single request_id belongs to a save: its
    /// audit rows carry none (each record's request_id is in the idempotency record written with it).
    /// </remarks>
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using (AuditCall.Begin(Describe(context)))
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using (AuditCall.Begin(Describe(context, RequestIdOf(request))))
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using (AuditCall.Begin(Describe(context)))
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
    }

    private AuditCall Describe(ServerCallContext context, string requestId = "")
    {
        var caller = callerContext.Current;
        return new AuditCall(caller?.Subject ?? AuditCall.AnonymousActor, caller?.ClientId ?? "", context.Method, TraceIdOf(context))
        {
            RequestId = requestId,
        };
    }

    /// <summary>The request message's <c>request_id</c> (AIP-155) when its type has one; found by reflection, so every request type is covered.</summary>
    private static string RequestIdOf<TRequest>(TRequest request) =>
        request is IMessage message && message.Descriptor.FindFieldByName(RequestIdField) is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
            ? field.Accessor.GetValue(message) as string ?? ""
            : "";

    /// <summary>The server span's trace id; the caller's traceparent when tracing made no span for the call.</summary>
    private static string TraceIdOf(ServerCallContext context)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            return activity.TraceId.ToHexString();
        }

        var traceParent = context.RequestHeaders.GetValue(TraceParentHeader);
        return traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent)
            ? parent.TraceId.ToHexString()
            : "";
    }
}
