using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Grpc.Net.ClientFactory;

/// <summary>Options of one named gRPC client registered with <c>AddGrpcClient</c>.</summary>
public sealed class GrpcClientFactoryOptions
{
    /// <summary>
    /// Server address. When null, it is read from configuration the Aspire way:
    /// <c>services:{name}:https:0</c>, then <c>services:{name}:http:0</c> (environment: <c>services__{name}__http__0</c>).
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>Actions that configure the channel's <see cref="GrpcChannelOptions"/>, applied in order.</summary>
    public IList<Action<GrpcChannelOptions>> ChannelOptionsActions { get; } = new List<Action<GrpcChannelOptions>>();

    /// <summary>Factories of the client's interceptors; the first one added runs first (outermost).</summary>
    public IList<Func<IServiceProvider, Interceptor>> Interceptors { get; } = new List<Func<IServiceProvider, Interceptor>>();

    /// <summary>Creates the client from the call invoker; null uses the client's <c>(CallInvoker)</c> constructor.</summary>
    public Func<CallInvoker, object>? Creator { get; set; }

    /// <summary>Channel configuration that needs application services (see <c>ConfigureChannel(Action&lt;IServiceProvider, GrpcChannelOptions&gt;)</c>).</summary>
    internal IList<Action<IServiceProvider, GrpcChannelOptions>> ServiceChannelOptionsActions { get; } = new List<Action<IServiceProvider, GrpcChannelOptions>>();
}
