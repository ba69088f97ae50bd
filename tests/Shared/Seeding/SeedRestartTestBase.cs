using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Provinces.Grpc;
using Khcn.Services.Tests.Hosting;
using Khcn.Tests.Infrastructure;

namespace Khcn.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed record afterwards must survive a restart. A service's test derives
/// from this to run its service twice over one database, seeds on and read from a folder of the test's own, beside a
/// fresh Provinces service (seed records carry province codes, which the service checks). The test of the rule is here;
/// a service says how to seed two records that can be edited and deleted, and how to read, retitle and delete one.
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

    /// <summary>The collection of the seeded records ("assets", "tasks").</summary>
    protected abstract string Collection { get; }

    /// <summary>
    /// Writes the service's seed files into <paramref name="folder"/>: two records under the given names, in a state in which
    /// the API may both edit and delete them.
    /// </summary>
    protected abstract void WriteSeeds(string folder, string editedName, string deletedName);

    /// <summary>The title of the record <paramref name="name"/> (its Get call, so a missing record fails with NOT_FOUND).</summary>
    protected abstract Task<string> TitleOfAsync(TClient client, string name);

    /// <summary>Reads the record <paramref name="name"/> and updates its title alone.</summary>
    protected abstract Task RetitleAsync(TClient client, string name, string title);

    protected abstract Task DeleteAsync(TClient client, string name);

    [Fact]
    public async Task A_restart_neither_restores_a_deleted_seed_record_nor_undoes_an_edit()
    {
        const string NewTitle = "Tên đã sửa qua API";
        var edited = $"{Collection}/seed-restart-edited";
        var deleted = $"{Collection}/seed-restart-deleted";
        var folder = Directory.CreateTempSubdirectory($"khcn-{Collection}-seeds-").FullName;
        WriteSeeds(folder, edited, deleted);

        await RestartBetweenAsync(
            folder,
            async client =>
            {
                await RetitleAsync(client, edited, NewTitle);
                await DeleteAsync(client, deleted);
            },
            async again =>
            {
                Assert.Equal(NewTitle, await TitleOfAsync(again, edited));
                await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => TitleOfAsync(again, deleted));
            });
    }

    /// <summary>
    /// Starts the service on <paramref name="seedFolder"/>, hands a client to <paramref name="beforeRestart"/>, stops it,
    /// starts it again over the same database and hands a client of the new instance to <paramref name="afterRestart"/>.
    /// </summary>
    private async Task RestartBetweenAsync(string seedFolder, Func<TClient, Task> beforeRestart, Func<TClient, Task> afterRestart)
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
