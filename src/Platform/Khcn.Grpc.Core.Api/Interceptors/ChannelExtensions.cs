namespace Grpc.Core.Interceptors;

public static class ChannelExtensions
{
    public static CallInvoker Intercept(this ChannelBase channel, Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().Intercept(interceptor);
    }

    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().Intercept(interceptors);
    }

    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> interceptor)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().Intercept(interceptor);
    }
}
