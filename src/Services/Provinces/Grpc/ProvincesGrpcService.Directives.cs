using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Directive> GetDirective(GetDirectiveRequest request, ServerCallContext context) => directives.GetAsync(request, context.CancellationToken);

    public override Task<ListDirectivesResponse> ListDirectives(ListDirectivesRequest request, ServerCallContext context) => directives.ListAsync(request, context.CancellationToken);

    public override Task<Directive> CreateDirective(CreateDirectiveRequest request, ServerCallContext context) => directives.CreateAsync(request, context.CancellationToken);

    public override Task<Directive> UpdateDirective(UpdateDirectiveRequest request, ServerCallContext context) => directives.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteDirective(DeleteDirectiveRequest request, ServerCallContext context) => directives.DeleteAsync(request, context.CancellationToken);

    public override Task<Directive> StartDirective(StartDirectiveRequest request, ServerCallContext context) => directives.StartAsync(request, context.CancellationToken);

    public override Task<Directive> CompleteDirective(CompleteDirectiveRequest request, ServerCallContext context) => directives.CompleteAsync(request, context.CancellationToken);
}
