using Grpc.Core;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Grpc;

public sealed partial class IntellectualPropertyGrpcService
{
    public override Task<Asset> StartAssetFormalityExamination(StartAssetFormalityExaminationRequest request, ServerCallContext context) =>
        lifecycle.StartFormalityExaminationAsync(request, context.CancellationToken);

    public override Task<Asset> AcceptAsset(AcceptAssetRequest request, ServerCallContext context) =>
        lifecycle.AcceptAsync(request, context.CancellationToken);

    public override Task<Asset> PublishAsset(PublishAssetRequest request, ServerCallContext context) =>
        lifecycle.PublishAsync(request, context.CancellationToken);

    public override Task<Asset> StartAssetSubstantiveExamination(StartAssetSubstantiveExaminationRequest request, ServerCallContext context) =>
        lifecycle.StartSubstantiveExaminationAsync(request, context.CancellationToken);

    public override Task<Asset> GrantAsset(GrantAssetRequest request, ServerCallContext context) =>
        lifecycle.GrantAsync(request, context.CancellationToken);

    public override Task<Asset> RefuseAsset(RefuseAssetRequest request, ServerCallContext context) =>
        lifecycle.RefuseAsync(request, context.CancellationToken);

    public override Task<Asset> RenewAsset(RenewAssetRequest request, ServerCallContext context) =>
        lifecycle.RenewAsync(request, context.CancellationToken);

    public override Task<Asset> ExpireAsset(ExpireAssetRequest request, ServerCallContext context) =>
        lifecycle.ExpireAsync(request, context.CancellationToken);

    public override Task<Asset> TerminateAsset(TerminateAssetRequest request, ServerCallContext context) =>
        lifecycle.TerminateAsync(request, context.CancellationToken);

    public override Task<Asset> InvalidateAsset(InvalidateAssetRequest request, ServerCallContext context) =>
        lifecycle.InvalidateAsync(request, context.CancellationToken);

    public override Task<Asset> WithdrawAsset(WithdrawAssetRequest request, ServerCallContext context) =>
        lifecycle.WithdrawAsync(request, context.CancellationToken);
}
