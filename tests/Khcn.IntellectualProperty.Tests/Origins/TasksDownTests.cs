using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.StatusProto;
using Khcn.IntellectualProperty.Grpc;
using Khcn.Provinces.Tests.Overview;
using Khcn.Services.Tests.Hosting;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;

namespace Khcn.IntellectualProperty.Tests.Origins;

/// <summary>
/// With the Tasks service unreachable an origin task cannot be checked: CreateAsset answers UNAVAILABLE naming the
/// address setting rather than guessing, while an asset without an origin task does not depend on Tasks at all.
/// </summary>
public abstract class TasksDownTests(IpServiceFixture service)
{
    [Fact]
    public async Task An_origin_task_cannot_be_checked_and_is_unavailable_while_assets_without_one_are_still_created()
    {
        var tasksAddress = ClosedPort.NewAddress();
        await using var host = await ServiceHost.StartAsync(
            typeof(IntellectualPropertyGrpcService).Assembly,
            [
                .. await DatabaseArgumentsAsync(),
                $"--services:provinces:http:0={service.ProvincesHost.Address}",
                $"--services:tasks:http:0={tasksAddress}",
                "--Seeds:Load=false",
                "--OriginTasks:CallTimeout=00:00:05",
            ]);
        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new IntellectualPropertyService.IntellectualPropertyServiceClient(channel);
        var marker = Marker();
        var withTask = MarkedInvention(marker);
        withTask.OriginTask = "tasks/na-chi-lang-2017";

        var status = await RpcErrorAssert.FailsWith(StatusCode.Unavailable, () =>
            client.CreateAssetAsync(new CreateAssetRequest { Asset = withTask }));
        var withoutTask = await client.CreateAssetAsync(new CreateAssetRequest { Asset = MarkedInvention(marker) });

        Assert.Equal("TASKS_UNAVAILABLE", RpcErrorAssert.Reason(status));
        Assert.Equal("services:tasks:http:0", status.GetDetail<ErrorInfo>()!.Metadata["address_setting"]);
        Assert.Contains("services:tasks:http:0", status.Message);
        Assert.Contains(tasksAddress.ToString().TrimEnd('/'), status.Message);
        Assert.Equal([withoutTask.Name], await NamesAsync(client, marker));
    }

    protected abstract Task<string[]> DatabaseArgumentsAsync();
}

public sealed class TasksDownTestsOnSqlite(SqliteIpService service) : TasksDownTests(service), IClassFixture<SqliteIpService>
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class TasksDownTestsOnPostgreSql(PostgreSqlIpService service) : TasksDownTests(service), IClassFixture<PostgreSqlIpService>
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
