using System.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.Grpc;
using Khcn.Tests.Seeding;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed record afterwards survives every restart. Runs on a seed folder
/// of its own (Seeds:Path) holding two FILED marks, the only state in which an asset can be deleted.
/// </summary>
public abstract class SeedRestartTests : SeedRestartTestBase<IntellectualPropertyService.IntellectualPropertyServiceClient>
{
    private const string Edited = "assets/seed-restart-edited";
    private const string Deleted = "assets/seed-restart-deleted";

    protected override Assembly ServiceAssembly => typeof(IntellectualPropertyGrpcService).Assembly;

    protected override IntellectualPropertyService.IntellectualPropertyServiceClient CreateClient(GrpcChannel channel) => new(channel);

    [Fact]
    public async Task A_restart_neither_restores_a_deleted_seed_asset_nor_undoes_an_edit()
    {
        await RestartBetweenAsync(
            WriteSeedFolder(),
            async client =>
            {
                var edited = await client.GetAssetAsync(new GetAssetRequest { Name = Edited });
                edited.Title = "Tên đã sửa qua API";
                await client.UpdateAssetAsync(new UpdateAssetRequest { Asset = edited, UpdateMask = new() { Paths = { "title" } } });
                await client.DeleteAssetAsync(new DeleteAssetRequest { Name = Deleted });
            },
            async again =>
            {
                Assert.Equal("Tên đã sửa qua API", (await again.GetAssetAsync(new GetAssetRequest { Name = Edited })).Title);
                await RpcErrorAssert.FailsWith(StatusCode.NotFound, () => again.GetAssetAsync(new GetAssetRequest { Name = Deleted }));
            });
    }

    private static string WriteSeedFolder()
    {
        var folder = Directory.CreateTempSubdirectory("khcn-ip-seeds-").FullName;
        File.WriteAllText(Path.Combine(folder, "assets.json"), $$"""
            { "assets": [
              { "name": "{{Edited}}", "kind": "MARK", "markType": "COLLECTIVE", "title": "Nhãn hiệu thử nghiệm A",
                "provinceCode": "12", "filingDate": { "year": 2020, "month": 5, "day": 4 }, "state": "FILED" },
              { "name": "{{Deleted}}", "kind": "MARK", "markType": "COLLECTIVE", "title": "Nhãn hiệu thử nghiệm B",
                "provinceCode": "12", "filingDate": { "year": 2020, "month": 5, "day": 4 }, "state": "FILED" }
            ] }
            """);
        return folder;
    }
}

public sealed class SeedRestartOnSqlite : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedRestartOnPostgreSql : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
