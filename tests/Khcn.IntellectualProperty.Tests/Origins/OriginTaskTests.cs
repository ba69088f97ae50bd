using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.StatusProto;
using static Khcn.IntellectualProperty.Tests.Assets.AssetTestSupport;
using static Khcn.IntellectualProperty.Tests.Infrastructure.TestAssets;
using HolderKind = Khcn.IntellectualProperty.V1.Holder.Types.Kind;

namespace Khcn.IntellectualProperty.Tests.Origins;

/// <summary>
/// origin_task against the real Tasks service: the task must exist, and IP Law Art. 86a gives the inventions, utility
/// solutions and industrial designs of a task funded wholly by the state budget to the task's host organisation.
/// </summary>
public abstract class OriginTaskTests(IpServiceFixture service)
{
    private IntellectualPropertyService.IntellectualPropertyServiceClient Client => service.Client;

    [Fact]
    public async Task An_origin_task_the_tasks_service_does_not_have_is_refused()
    {
        var marker = Marker();
        var input = MarkedInvention(marker);
        input.OriginTask = "tasks/khong-co-nhiem-vu";

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = input }));

        Assert.Equal("ORIGIN_TASK_NOT_FOUND", RpcErrorAssert.Reason(status));
        Assert.Equal(["asset.origin_task"], RpcErrorAssert.ViolatedFields(status));
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task An_existing_origin_task_is_kept_on_the_asset()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.PartlyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker));

        var created = await CreateAsync(Client, input);

        Assert.Equal(task, created.OriginTask);
        Assert.Equal([created.Name], await NamesAsync(Client, $"{marker} AND origin_task = \"{task}\""));
    }

    public static TheoryData<AssetKind> CoveredKinds() => [AssetKind.Invention, AssetKind.UtilitySolution, AssetKind.IndustrialDesign];

    [Theory]
    [MemberData(nameof(CoveredKinds))]
    public async Task An_empty_holder_of_a_fully_state_funded_result_is_filled_from_the_task_host(AssetKind kind)
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker), withoutHolder: true);
        input.Kind = kind;

        var created = await CreateAsync(Client, input);

        // The host's kind is not assumed: a host may be a department or an enterprise as well as an institute.
        Assert.Equal(new Holder { DisplayName = OriginTasks.HostName, Address = OriginTasks.HostAddress }, created.Holder);
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_holder_kind_given_without_a_name_is_kept_when_the_name_is_filled()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker));
        input.Holder = new Holder { Kind = HolderKind.StateAgency };

        var created = await CreateAsync(Client, input);

        Assert.Equal(new Holder { DisplayName = OriginTasks.HostName, Kind = HolderKind.StateAgency, Address = OriginTasks.HostAddress }, created.Holder);
    }

    [Fact]
    public async Task Another_holder_of_a_fully_state_funded_invention_is_refused_naming_the_host()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker));

        var status = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = input }));

        Assert.Equal("HOLDER_NOT_TASK_HOST", RpcErrorAssert.Reason(status));
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("asset.holder.display_name", violation.Field);
        Assert.Contains($"fully state-funded task {task}", violation.Description);
        Assert.Contains($"\"{OriginTasks.HostName}\"", violation.Description);
        Assert.Contains("Art. 86a", violation.Description);
        var metadata = status.GetDetail<ErrorInfo>()!.Metadata;
        Assert.Equal(task, metadata["origin_task"]);
        Assert.Equal(OriginTasks.HostName, metadata["host_organisation"]);
        Assert.Empty(await NamesAsync(Client, marker));
    }

    [Fact]
    public async Task The_host_named_in_other_case_and_without_diacritics_is_the_same_holder()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker));
        input.Holder = new Holder { DisplayName = "TRUNG TAM UNG DUNG  tien bo khoa hoc va cong nghe lang son", Kind = HolderKind.ResearchOrganisation };

        var created = await CreateAsync(Client, input);

        Assert.Equal(input.Holder, created.Holder);
    }

    [Fact]
    public async Task Any_holder_may_hold_the_result_of_a_partly_state_funded_task()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.PartlyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker));
        var withoutHolder = ResultOf(task, MarkedInvention(marker), withoutHolder: true);

        var created = await CreateAsync(Client, input);
        var missing = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = withoutHolder }));

        Assert.Equal(input.Holder, created.Holder);
        // Nothing names an owner then, so the holder stays required.
        Assert.Equal(["asset.holder.display_name"], RpcErrorAssert.ViolatedFields(missing));
    }

    [Fact]
    public async Task A_mark_from_a_fully_state_funded_task_is_outside_the_rule()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, Marked(marker));
        var withoutHolder = ResultOf(task, Marked(marker), withoutHolder: true);

        var created = await CreateAsync(Client, input);
        var missing = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.CreateAssetAsync(new CreateAssetRequest { Asset = withoutHolder }));

        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Lai Châu", created.Holder.DisplayName);
        Assert.Equal(["asset.holder.display_name"], RpcErrorAssert.ViolatedFields(missing));
    }

    [Fact]
    public async Task Updating_the_holder_or_the_origin_task_applies_the_rule_again()
    {
        var marker = Marker();
        var task = await OriginTasks.CreateAsync(service.Tasks, OriginTasks.FullyStateFunded(marker));
        var input = ResultOf(task, MarkedInvention(marker), withoutHolder: true);
        var created = await CreateAsync(Client, input);
        var otherHolder = created.Clone();
        otherHolder.Holder = new Holder { DisplayName = "Công ty TNHH Na Chi Lăng" };
        var unrelated = await CreateAsync(Client, MarkedInvention(marker));
        var linked = unrelated.Clone();
        linked.OriginTask = task;

        var holderChange = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = otherHolder, UpdateMask = new FieldMask { Paths = { "holder" } } }));
        var taskChange = await RpcErrorAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Client.UpdateAssetAsync(new UpdateAssetRequest { Asset = linked, UpdateMask = new FieldMask { Paths = { "origin_task" } } }));
        linked.Holder = new Holder();
        var relinked = await Client.UpdateAssetAsync(
            new UpdateAssetRequest { Asset = linked, UpdateMask = new FieldMask { Paths = { "origin_task", "holder" } } });

        Assert.Equal("HOLDER_NOT_TASK_HOST", RpcErrorAssert.Reason(holderChange));
        Assert.Equal("HOLDER_NOT_TASK_HOST", RpcErrorAssert.Reason(taskChange));
        Assert.Equal(created, await Client.GetAssetAsync(new GetAssetRequest { Name = created.Name }));
        Assert.Equal((task, OriginTasks.HostName), (relinked.OriginTask, relinked.Holder.DisplayName));
    }

    /// <summary><paramref name="asset"/> as a result of <paramref name="task"/>, without a holder if asked.</summary>
    private static Asset ResultOf(string task, Asset asset, bool withoutHolder = false)
    {
        asset.OriginTask = task;
        if (withoutHolder)
        {
            asset.Holder = null;
        }

        return asset;
    }
}

public sealed class OriginTaskTestsOnSqlite(SqliteIpService service) : OriginTaskTests(service), IClassFixture<SqliteIpService>;

public sealed class OriginTaskTestsOnPostgreSql(PostgreSqlIpService service) : OriginTaskTests(service), IClassFixture<PostgreSqlIpService>;
