using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Khcn.ProvinceReference.Tests.Infrastructure;

/// <summary>Counts the unary calls a client makes, per method name (e.g. "ListProvinces"), whatever their outcome.</summary>
public sealed class CallCounter : Interceptor
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int this[string method]
    {
        get
        {
            lock (_calls)
            {
                return _calls.GetValueOrDefault(method);
            }
        }
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        lock (_calls)
        {
            _calls[context.Method.Name] = _calls.GetValueOrDefault(context.Method.Name) + 1;
        }

        return continuation(request, context);
    }
}
