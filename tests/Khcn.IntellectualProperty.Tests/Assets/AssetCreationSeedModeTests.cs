using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Assets;

/// <summary>
/// AssetCreation in Seed mode (what the seed loader calls per record), driven inside the running service's container
/// over its real database: records load as the sources show them, unknowns stay unknown, what is given is checked.
/// </summary>
public abstract class AssetCreationSeedModeTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task A_seeded_record_keeps_its_state_grant_and_renewals_and_its_term_is_computed()
    {
        var input = Marked(Marker());
        input.State = State.InForce;
        input.PublicationDate = Day(2015, 8, 1);
        input.GrantNumber = "4-0271234";
        input.GrantDate = Day(2016, 9, 1);
        input.RenewalCount = 1;

        var id = await SeedAsync(input);

        var stored = await Client.GetAssetAsync(new GetAssetRequest { Name = $"assets/{id}" });
        Assert.Equal(State.InForce, stored.State);
        Assert.Equal((Day(2015, 8, 1), "4-0271234", Day(2016, 9, 1), 1), (stored.PublicationDate, stored.GrantNumber, stored.GrantDate, stored.RenewalCount));
        Assert.Equal((Day(2035, 3, 10), Day(2034, 9, 10), Day(2035, 9, 10)), (stored.ExpiryDate, stored.RenewalWindowStart, stored.GracePeriodEnd));
        var filed = Assert.Single(await EventsAsync(Client, stored.Name));
        Assert.Equal((EventType.Filed, State.Unspecified, State.InForce), (filed.Type, filed.PreviousState, filed.NewState));
    }

    [Fact]
    public async Task A_record_the_sources_barely_describe_is_accepted_with_its_unknowns_and_can_be_corrected_later()
    {
        var marker = Marker();
        var input = new Asset { Title = $"Na Chi Lăng {marker}", ProvinceCode = "20" };

        var id = await SeedAsync(input);
        var stored = await Client.GetAssetAsync(new GetAssetRequest { Name = $"assets/{id}" });
        var correction = stored.Clone();
        correction.Title = $"Quả na Chi Lăng {marker}";
        var corrected = await Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = correction, UpdateMask = new FieldMask { Paths = { "title" } } });

        Assert.Equal((AssetKind.Unspecified, State.Unspecified, "", (Google.Type.Date?)null), (stored.Kind, stored.State, stored.Holder.DisplayName, stored.FilingDate));
        Assert.Null(stored.ExpiryDate);
        Assert.Equal(correction.Title, corrected.Title);
        Assert.Equal([stored.Name], await NamesAsync(Client, $"{marker} AND province_code = \"20\""));
    }

    [Fact]
    public async Task What_a_seeded_record_gives_is_still_checked()
    {
        var input = MarkedInvention(Marker());
        input.State = State.InForce;
        input.ProvinceCode = "99";
        input.PublicationDate = Day(2019, 6, 11);
        input.GrantDate = Day(2019, 6, 10);
        input.RenewalCount = 1;
        input.NiceClasses.Add(30);

        var error = await Assert.ThrowsAsync<ApiException>(() => SeedAsync(input));

        Assert.Equal(ApiErrorCode.InvalidArgument, error.Code);
        Assert.Equal(
            ["asset.grant_date", "asset.grant_date", "asset.nice_classes", "asset.province_code", "asset.publication_date", "asset.renewal_count"],
            error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_closed_province_code_without_a_filing_date_is_accepted_and_an_unknown_one_is_not()
    {
        var closed = new Asset { Title = $"Đặc sản {Marker()}", ProvinceCode = "45" };
        var unknown = new Asset { Title = $"Đặc sản {Marker()}", ProvinceCode = "98" };

        var id = await SeedAsync(closed);
        var error = await Assert.ThrowsAsync<ApiException>(() => SeedAsync(unknown));

        Assert.Equal("45", (await Client.GetAssetAsync(new GetAssetRequest { Name = $"assets/{id}" })).ProvinceCode);
        Assert.Equal("PROVINCE_NOT_FOUND", error.Reason);
    }

    private async Task<string> SeedAsync(Asset input)
    {
        using var scope = service.Host.Services.CreateScope();
        var creation = scope.ServiceProvider.GetRequiredService<AssetCreation>();
        var entity = await creation.AddAsync(input, NewAssetId(), AssetCreationMode.Seed, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IpDbContext>().SaveChangesAsync();
        return entity.Id;
    }
}

public sealed class AssetCreationSeedModeTestsOnSqlite(SqliteIpService service) : AssetCreationSeedModeTests(service), IClassFixture<SqliteIpService>;

public sealed class AssetCreationSeedModeTestsOnPostgreSql(PostgreSqlIpService service) : AssetCreationSeedModeTests(service), IClassFixture<PostgreSqlIpService>;
