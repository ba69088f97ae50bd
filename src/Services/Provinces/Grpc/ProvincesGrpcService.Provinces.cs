using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Province> GetProvince(GetProvinceRequest request, ServerCallContext context) => provinces.GetAsync(request, context.CancellationToken);

    public override Task<ListProvincesResponse> ListProvinces(ListProvincesRequest request, ServerCallContext context) => provinces.ListAsync(request, context.CancellationToken);

    public override Task<ResolveProvinceResponse> ResolveProvince(ResolveProvinceRequest request, ServerCallContext context) => provinces.ResolveAsync(request, context.CancellationToken);
}
