using System.Reflection;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.Grpc;
using Khcn.Tests.Seeding;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// Seeds are loaded once: what the API does to a seed asset afterwards survives every restart. Runs on a seed folder of
/// its own (Seeds:Path) holding two FILED marks, the only state in which an asset can be deleted.
/// </summary>
public abstract class SeedRestartTests : SeedRestartTestBase<IntellectualPropertyService.IntellectualPropertyServiceClient>
{
    protected override Assembly ServiceAssembly => typeof(IntellectualPropertyGrpcService).Assembly;

    protected override string Collection => "assets";

    protected override IntellectualPropertyService.IntellectualPropertyServiceClient CreateClient(GrpcChannel channel) => new(channel);

    protected override void WriteSeeds(string folder, string editedName, string deletedName) =>
        File.WriteAllText(Path.Combine(folder, "assets.json"), $$"""
            { "assets": [
              { "name": "{{editedName}}", "kind": "MARK", "markType": "COLLECTIVE", "title": "Nhãn hiệu thử nghiệm A",
                "provinceCode": "12", "filingDate": { "year": 2020, "month": 5, "day": 4 }, "state": "FILED" },
              { "name": "{{deletedName}}", "kind": "MARK", "markType": "COLLECTIVE", "title": "Nhãn hiệu thử nghiệm B",
                "provinceCode": "12", "filingDate": { "year": 2020, "month": 5, "day": 4 }, "state": "FILED" }
            ] }
            """);

    protected override async Task<string> TitleOfAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client, string name) =>
        (await client.GetAssetAsync(new GetAssetRequest { Name = name })).Title;

    protected override async Task RetitleAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client, string name, string title)
    {
        var asset = await client.GetAssetAsync(new GetAssetRequest { Name = name });
        asset.Title = title;
        await client.UpdateAssetAsync(new UpdateAssetRequest { Asset = asset, UpdateMask = new() { Paths = { "title" } } });
    }

    protected override async Task DeleteAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client, string name) =>
        await client.DeleteAssetAsync(new DeleteAssetRequest { Name = name });
}

public sealed class SeedRestartOnSqlite : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => Task.FromResult(FreshDatabase.Sqlite());
}

public sealed class SeedRestartOnPostgreSql : SeedRestartTests
{
    protected override Task<string[]> DatabaseArgumentsAsync() => FreshDatabase.PostgreSqlAsync();
}
