using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Khcn.Services.Tests.Hosting;

/// <summary>
/// Runs a service's real Program (its entry point, unchanged) on a real Kestrel socket bound to
/// 127.0.0.1 port 0, and reads the bound address back. The built host is captured through the
/// "Microsoft.Extensions.Hosting" diagnostic events every host raises (the mechanism the ASP.NET
/// Core test factories use), matched by application name so services started in parallel do not
/// pick up each other's hosts.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Hosts are matched by application name, so two hosts of one service must not be built at
    // the same time (test classes run in parallel): builds go one at a time.
    private static readonly SemaphoreSlim BuildGate = new(1, 1);

    private readonly IHost _host;
    private readonly Task _run;

    private ServiceHost(IHost host, Task run, Uri address)
    {
        _host = host;
        _run = run;
        Address = address;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; }

    /// <summary>The service's own container, for asserting on what it registered.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the service; <paramref name="extraArgs"/> are more command-line settings (e.g. <c>--ConnectionStrings:cache=…</c>).</summary>
    public static async Task<ServiceHost> StartAsync(Assembly serviceAssembly, params string[] extraArgs)
    {
        await BuildGate.WaitAsync();
        try
        {
            return await StartCoreAsync(serviceAssembly, extraArgs);
        }
        finally
        {
            BuildGate.Release();
        }
    }

    private static async Task<ServiceHost> StartCoreAsync(Assembly serviceAssembly, string[] extraArgs)
    {
        var applicationName = serviceAssembly.GetName().Name!;
        var entryPoint = serviceAssembly.EntryPoint
            ?? throw new InvalidOperationException($"{applicationName} has no entry point.");

        var built = new TaskCompletionSource<IHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new HostBuiltObserver(applicationName, built));

        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--applicationName", applicationName,
            "--contentRoot", Path.GetDirectoryName(serviceAssembly.Location)!,
            .. extraArgs,
        ];
        var run = Task.Factory.StartNew(
            () => entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var first = await Task.WhenAny(built.Task, run).WaitAsync(StartTimeout);
        if (first == run)
        {
            await run; // surfaces the startup exception
            throw new InvalidOperationException($"{applicationName} exited before building its host.");
        }

        var host = await built.Task;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            first = await Task.WhenAny(started.Task, run).WaitAsync(StartTimeout);
            if (first == run)
            {
                await run;
                throw new InvalidOperationException($"{applicationName} stopped while starting.");
            }
        }

        var addresses = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new ServiceHost(host, run, new Uri(addresses.First()));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await _run.WaitAsync(StartTimeout);
    }

    private sealed class HostBuiltObserver(string applicationName, TaskCompletionSource<IHost> built)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> diagnostic)
        {
            if (diagnostic.Key == "HostBuilt" && diagnostic.Value is IHost host
                && host.Services.GetRequiredService<IHostEnvironment>().ApplicationName == applicationName)
            {
                built.TrySetResult(host);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
