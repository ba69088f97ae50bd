using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Grpc;

public sealed partial class IntellectualPropertyGrpcService
{
    public override Task<Asset> GetAsset(GetAssetRequest request, ServerCallContext context) =>
        assets.GetAsync(request, context.CancellationToken);

    public override Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context) =>
        assets.ListAsync(request, context.CancellationToken);

    public override Task<Asset> CreateAsset(CreateAssetRequest request, ServerCallContext context) =>
        assets.CreateAsync(request, context.CancellationToken);

    public override Task<Asset> UpdateAsset(UpdateAssetRequest request, ServerCallContext context) =>
        assets.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteAsset(DeleteAssetRequest request, ServerCallContext context) =>
        assets.DeleteAsync(request, context.CancellationToken);
}
