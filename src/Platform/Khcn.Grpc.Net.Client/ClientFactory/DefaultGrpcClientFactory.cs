using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;

namespace Grpc.Net.ClientFactory;

/// <summary>Creates clients over the named channels of <see cref="GrpcChannelRegistry"/>.</summary>
internal sealed class DefaultGrpcClientFactory(GrpcChannelRegistry registry) : GrpcClientFactory
{
    private static readonly ConcurrentDictionary<Type, ConstructorInvoker> Constructors = new();

    public override TClient CreateClient<TClient>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = registry.Get(name);
        if (entry.Creator is { } creator)
        {
            return (TClient)creator(entry.CallInvoker);
        }

        var constructor = Constructors.GetOrAdd(typeof(TClient), static type => ConstructorInvoker.Create(
            type.GetConstructor([typeof(CallInvoker)])
            ?? throw new InvalidOperationException($"Client type '{type}' has no public constructor taking a CallInvoker.")));
        return (TClient)constructor.Invoke(entry.CallInvoker);
    }
}
