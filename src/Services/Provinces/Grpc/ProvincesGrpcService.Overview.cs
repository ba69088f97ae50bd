using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<ProvinceOverview> GetProvinceOverview(GetProvinceOverviewRequest request, ServerCallContext context) => overviews.GetAsync(request, context.CancellationToken);
}
