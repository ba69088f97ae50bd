using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<Department> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => departments.GetAsync(request, context.CancellationToken);

    public override Task<Department> UpdateDepartment(UpdateDepartmentRequest request, ServerCallContext context) => departments.UpdateAsync(request, context.CancellationToken);
}
