using Grpc.Core;
using Khcn.Tasks.V1;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace Khcn.Tasks.Grpc;

/// <summary>The Programme resource's standard methods.</summary>
public sealed partial class TasksGrpcService
{
    public override Task<Programme> GetProgramme(GetProgrammeRequest request, ServerCallContext context) =>
        programmes.GetAsync(request, context.CancellationToken);

    public override Task<ListProgrammesResponse> ListProgrammes(ListProgrammesRequest request, ServerCallContext context) =>
        programmes.ListAsync(request, context.CancellationToken);

    public override Task<Programme> CreateProgramme(CreateProgrammeRequest request, ServerCallContext context) =>
        programmes.CreateAsync(request, context.CancellationToken);

    public override Task<Programme> UpdateProgramme(UpdateProgrammeRequest request, ServerCallContext context) =>
        programmes.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteProgramme(DeleteProgrammeRequest request, ServerCallContext context) =>
        programmes.DeleteAsync(request, context.CancellationToken);
}
