using System.Reflection;
using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed record afterwards must survive a restart. A service's test derives
/// from this to run its service twice over one database, seeds on and read from a folder of the test's own, beside a
/// fresh Provinces service (seed records carry province codes, which the service checks).
/// </summary>
/// <typeparam name="TClient">The generated client of the service under test.</typeparam>
public abstract class SeedRestartTestBase<TClient>
    where TClient : class
{
    /// <summary>The assembly holding the service's Program.</summary>
    protected abstract Assembly ServiceAssembly { get; }

    /// <summary>Command-line settings selecting a new database of one provider.</summary>
    protected abstract Task<string[]> DatabaseArgumentsAsync();

    /// <summary>The service's client over <paramref name="channel"/>.</summary>
    protected abstract TClient CreateClient(GrpcChannel channel);

    /// <summary>
    /// Starts the service on <paramref name="seedFolder"/>, hands a client to <paramref name="beforeRestart"/>, stops it,
    /// starts it again over the same database and hands a client of the new instance to <paramref name="afterRestart"/>.
    /// </summary>
    protected async Task RestartBetweenAsync(string seedFolder, Func<TClient, Task> beforeRestart, Func<TClient, Task> afterRestart)
    {
        await using var provinces = await ServiceHost.StartAsync(typeof(ProvincesGrpcService).Assembly, ServiceDatabase.Sqlite("provincesdb"));
        string[] arguments =
        [
            .. await DatabaseArgumentsAsync(),
            $"--services:provinces:http:0={provinces.Address}",
            "--Seeds:Load=true",
            $"--Seeds:Path={seedFolder}",
        ];

        await using (var first = await ServiceHost.StartAsync(ServiceAssembly, arguments))
        {
            using var channel = GrpcChannel.ForAddress(first.Address);
            await beforeRestart(CreateClient(channel));
        }

        await using var second = await ServiceHost.StartAsync(ServiceAssembly, arguments);
        using var secondChannel = GrpcChannel.ForAddress(second.Address);
        await afterRestart(CreateClient(secondChannel));
    }
}
