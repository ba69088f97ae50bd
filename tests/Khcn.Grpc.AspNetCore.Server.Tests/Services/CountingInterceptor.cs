using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Services;

/// <summary>Counts unary calls; registered in DI as a singleton to show interceptors are resolved from DI.</summary>
public sealed class CountingInterceptor : Interceptor
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Interlocked.Increment(ref _calls);
        return continuation(request, context);
    }
}
