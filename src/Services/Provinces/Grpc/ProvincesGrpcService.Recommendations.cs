using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Recommendation> GetRecommendation(GetRecommendationRequest request, ServerCallContext context) => recommendations.GetAsync(request, context.CancellationToken);

    public override Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context) => recommendations.ListAsync(request, context.CancellationToken);

    public override Task<Recommendation> CreateRecommendation(CreateRecommendationRequest request, ServerCallContext context) => recommendations.CreateAsync(request, context.CancellationToken);

    public override Task<Recommendation> UpdateRecommendation(UpdateRecommendationRequest request, ServerCallContext context) => recommendations.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteRecommendation(DeleteRecommendationRequest request, ServerCallContext context) => recommendations.DeleteAsync(request, context.CancellationToken);

    public override Task<Recommendation> AssignRecommendation(AssignRecommendationRequest request, ServerCallContext context) => recommendations.AssignAsync(request, context.CancellationToken);

    public override Task<Recommendation> StartRecommendation(StartRecommendationRequest request, ServerCallContext context) => recommendations.StartAsync(request, context.CancellationToken);

    public override Task<Recommendation> AnswerRecommendation(AnswerRecommendationRequest request, ServerCallContext context) => recommendations.AnswerAsync(request, context.CancellationToken);

    public override Task<Recommendation> DeclineRecommendation(DeclineRecommendationRequest request, ServerCallContext context) => recommendations.DeclineAsync(request, context.CancellationToken);
}
