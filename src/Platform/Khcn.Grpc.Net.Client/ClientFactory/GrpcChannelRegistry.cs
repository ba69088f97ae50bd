using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grpc.Net.ClientFactory;

/// <summary>
/// One channel (so one SocketsHttpHandler and its connection pool) per client name, created on first use and
/// disposed with the service provider. Interceptors are created once per channel.
/// </summary>
internal sealed class GrpcChannelRegistry(IServiceProvider services, IOptionsMonitor<GrpcClientFactoryOptions> optionsMonitor) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new(StringComparer.Ordinal);
    private int _disposed;

    public Entry Get(string name)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _entries.GetOrAdd(name, static (key, registry) => new Lazy<Entry>(() => registry.Create(key)), this).Value;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var entry in _entries.Values)
        {
            if (entry.IsValueCreated)
            {
                entry.Value.Channel.Dispose();
            }
        }
    }

    private Entry Create(string name)
    {
        var options = optionsMonitor.Get(name);
        var address = options.Address ?? GrpcClientAddressResolver.Resolve(name, services.GetService<IConfiguration>());

        var channelOptions = new GrpcChannelOptions { LoggerFactory = services.GetService<ILoggerFactory>() };
        foreach (var configure in options.ChannelOptionsActions)
        {
            configure(channelOptions);
        }

        foreach (var configure in options.ServiceChannelOptionsActions)
        {
            configure(services, channelOptions);
        }

        var channel = GrpcChannel.ForAddress(address, channelOptions);
        var invoker = channel.CreateCallInvoker();
        if (options.Interceptors.Count > 0)
        {
            var interceptors = new Interceptor[options.Interceptors.Count];
            for (var i = 0; i < interceptors.Length; i++)
            {
                interceptors[i] = options.Interceptors[i](services);
            }

            invoker = invoker.Intercept(interceptors);
        }

        return new Entry(channel, invoker, options.Creator);
    }

    internal sealed record Entry(GrpcChannel Channel, CallInvoker CallInvoker, Func<CallInvoker, object>? Creator);
}
