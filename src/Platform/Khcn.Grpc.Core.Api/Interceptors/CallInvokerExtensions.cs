namespace Grpc.Core.Interceptors;

public static class CallInvokerExtensions
{
    /// <summary>Returns an invoker that runs calls through <paramref name="interceptor"/> first.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Interceptor interceptor) =>
        new InterceptingCallInvoker(invoker, interceptor);

    /// <summary>
    /// Returns an invoker that runs calls through the interceptors in the given order:
    /// <c>Intercept(a, b, c)</c> equals <c>Intercept(c).Intercept(b).Intercept(a)</c>, so <c>a</c> sees the call first.
    /// </summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            invoker = invoker.Intercept(interceptors[i]);
        }

        return invoker;
    }

    /// <summary>Returns an invoker whose calls carry the headers produced by <paramref name="interceptor"/>.</summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> interceptor) =>
        new InterceptingCallInvoker(invoker, new MetadataInterceptor(interceptor));
}
