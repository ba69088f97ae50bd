using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

public sealed partial class ProvincesGrpcService
{
    public override Task<ReportedFigure> GetReportedFigure(GetReportedFigureRequest request, ServerCallContext context) => figures.GetAsync(request, context.CancellationToken);

    public override Task<ListReportedFiguresResponse> ListReportedFigures(ListReportedFiguresRequest request, ServerCallContext context) => figures.ListAsync(request, context.CancellationToken);

    public override Task<ReportedFigure> CreateReportedFigure(CreateReportedFigureRequest request, ServerCallContext context) => figures.CreateAsync(request, context.CancellationToken);
}
