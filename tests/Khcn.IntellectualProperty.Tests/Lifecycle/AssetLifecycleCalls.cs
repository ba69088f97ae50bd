using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Tests.Lifecycle;

/// <summary>
/// Calls any lifecycle method by its RPC name with arguments valid in themselves and inside the term of a
/// <see cref="TestAssets.CertificationMark"/> (filed 2015-03-10: window from 2024-09-10, grace period to 2025-09-10), so
/// only the state can refuse it.
/// </summary>
internal static class AssetLifecycleCalls
{
    public const string Actor = TestAssets.Examiner;

    public static readonly Google.Type.Date PublishedOn = TestAssets.Day(2016, 1, 20);
    public static readonly Google.Type.Date GrantedOn = TestAssets.Day(2016, 9, 15);
    public static readonly Google.Type.Date RenewalRequestedOn = TestAssets.Day(2025, 1, 10);

    /// <summary>After the grace period of the certification mark's first term: when it may be expired.</summary>
    public static readonly Timestamp AfterGracePeriod = Timestamp.FromDateTime(new DateTime(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc));

    public static AsyncUnaryCall<Asset> Call(
        IntellectualPropertyService.IntellectualPropertyServiceClient client, string rpc, string name, string etag = "") => rpc switch
    {
        "StartAssetFormalityExamination" => client.StartAssetFormalityExaminationAsync(
            new StartAssetFormalityExaminationRequest { Name = name, Etag = etag, Actor = Actor }),
        "AcceptAsset" => client.AcceptAssetAsync(new AcceptAssetRequest { Name = name, Etag = etag, Actor = Actor }),
        "PublishAsset" => client.PublishAssetAsync(new PublishAssetRequest { Name = name, Etag = etag, Actor = Actor, PublicationDate = PublishedOn }),
        "StartAssetSubstantiveExamination" => client.StartAssetSubstantiveExaminationAsync(
            new StartAssetSubstantiveExaminationRequest { Name = name, Etag = etag, Actor = Actor }),
        "GrantAsset" => client.GrantAssetAsync(new GrantAssetRequest
        {
            Name = name, Etag = etag, Actor = Actor, GrantNumber = "4-0" + Random.Shared.Next(100_000, 999_999), GrantDate = GrantedOn,
        }),
        "RefuseAsset" => client.RefuseAssetAsync(new RefuseAssetRequest { Name = name, Etag = etag, Actor = Actor, Reason = "thiếu khả năng phân biệt" }),
        "RenewAsset" => client.RenewAssetAsync(new RenewAssetRequest { Name = name, Etag = etag, Actor = "Chủ văn bằng", RequestDate = RenewalRequestedOn }),
        "ExpireAsset" => client.ExpireAssetAsync(new ExpireAssetRequest { Name = name, Etag = etag, Actor = Actor, EventTime = AfterGracePeriod }),
        "TerminateAsset" => client.TerminateAssetAsync(new TerminateAssetRequest { Name = name, Etag = etag, Actor = Actor, Reason = "chủ văn bằng tuyên bố từ bỏ" }),
        "InvalidateAsset" => client.InvalidateAssetAsync(new InvalidateAssetRequest { Name = name, Etag = etag, Actor = Actor, Reason = "người nộp đơn không có quyền đăng ký" }),
        "WithdrawAsset" => client.WithdrawAssetAsync(new WithdrawAssetRequest { Name = name, Etag = etag, Actor = "Người nộp đơn" }),
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, "Not a lifecycle method."),
    };

    /// <summary>Moves <paramref name="asset"/> from FILED to <paramref name="target"/> along the contract's lifecycle.</summary>
    public static async Task<Asset> WalkToAsync(IntellectualPropertyService.IntellectualPropertyServiceClient client, Asset asset, State target)
    {
        foreach (var rpc in AssetLifecycleStatement.PathTo(target))
        {
            asset = await Call(client, rpc, asset.Name, asset.Etag);
        }

        Assert.Equal(target, asset.State);
        return asset;
    }
}
