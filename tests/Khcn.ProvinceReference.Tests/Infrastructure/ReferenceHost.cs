using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khcn.ProvinceReference.Tests.Infrastructure;

/// <summary>
/// A service process's container as another service builds it (AddProvinceReference plus the suite's cache), with
/// the Provinces client's calls counted and its logs captured. Not started: nothing here needs hosted services.
/// </summary>
public sealed class ReferenceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ReferenceHost(IHost host, CallCounter calls, CapturedLogs logs)
    {
        _host = host;
        Calls = calls;
        Logs = logs;
    }

    public IProvinceReference Reference => _host.Services.GetRequiredService<IProvinceReference>();

    /// <summary>The implementation behind <see cref="Reference"/>, for waiting on its background refresh.</summary>
    internal CachedProvinceReference Implementation => (CachedProvinceReference)Reference;

    public IServiceProvider Services => _host.Services;

    public CallCounter Calls { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Builds the container; <paramref name="provinces"/> null leaves the address unset.</summary>
    public static ReferenceHost Build(Uri? provinces, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (provinces is not null)
        {
            configuration["services:provinces:http:0"] = provinces.ToString();
        }

        builder.Configuration.AddInMemoryCollection(configuration);

        var logs = new CapturedLogs();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddKhcnCache(builder.Configuration);
        builder.AddProvinceReference();

        var calls = new CallCounter();
        builder.Services.Configure<GrpcClientFactoryOptions>("provinces", options => options.Interceptors.Add(_ => calls));
        return new ReferenceHost(builder.Build(), calls, logs);
    }

    // The suite's cache is only asynchronously disposable, so the container must be disposed asynchronously.
    public ValueTask DisposeAsync() => ((IAsyncDisposable)_host).DisposeAsync();
}
