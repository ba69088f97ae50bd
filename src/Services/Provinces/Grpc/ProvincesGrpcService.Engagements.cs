using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Engagement> GetEngagement(GetEngagementRequest request, ServerCallContext context) => engagements.GetAsync(request, context.CancellationToken);

    public override Task<ListEngagementsResponse> ListEngagements(ListEngagementsRequest request, ServerCallContext context) => engagements.ListAsync(request, context.CancellationToken);

    public override Task<Engagement> CreateEngagement(CreateEngagementRequest request, ServerCallContext context) => engagements.CreateAsync(request, context.CancellationToken);

    public override Task<Engagement> UpdateEngagement(UpdateEngagementRequest request, ServerCallContext context) => engagements.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteEngagement(DeleteEngagementRequest request, ServerCallContext context) => engagements.DeleteAsync(request, context.CancellationToken);
}
