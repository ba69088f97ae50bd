using Grpc.Core;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Grpc;

public sealed partial class IntellectualPropertyGrpcService
{
    public override Task<ListAssetEventsResponse> ListAssetEvents(ListAssetEventsRequest request, ServerCallContext context) =>
        events.ListAsync(request, context.CancellationToken);

    public override Task<ListExpiringAssetsResponse> ListExpiringAssets(ListExpiringAssetsRequest request, ServerCallContext context) =>
        expiring.ListAsync(request, context.CancellationToken);

    public override Task<SummarizeAssetsResponse> SummarizeAssets(SummarizeAssetsRequest request, ServerCallContext context) =>
        summaries.SummarizeAsync(request, context.CancellationToken);
}
