using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Official> GetOfficial(GetOfficialRequest request, ServerCallContext context) => officials.GetAsync(request, context.CancellationToken);

    public override Task<ListOfficialsResponse> ListOfficials(ListOfficialsRequest request, ServerCallContext context) => officials.ListAsync(request, context.CancellationToken);

    public override Task<Official> CreateOfficial(CreateOfficialRequest request, ServerCallContext context) => officials.CreateAsync(request, context.CancellationToken);

    public override Task<Official> UpdateOfficial(UpdateOfficialRequest request, ServerCallContext context) => officials.UpdateAsync(request, context.CancellationToken);

    public override Task<Empty> DeleteOfficial(DeleteOfficialRequest request, ServerCallContext context) => officials.DeleteAsync(request, context.CancellationToken);

    public override Task<FindPostHoldersResponse> FindPostHolders(FindPostHoldersRequest request, ServerCallContext context) => officials.FindPostHoldersAsync(request, context.CancellationToken);
}
