using Khcn.Provinces.Application.Departments;
using Khcn.Provinces.Application.Directives;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Figures;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Application.Recommendations;
using Khcn.Provinces.Overview;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Grpc;

/// <summary>
/// Entry point of the ProvincesService v1 API: requests enter here and are handed, unchanged, to the
/// use case of their resource (Application/). One partial file per resource keeps each screen short.
/// Domain errors (Khcn.Aip.ApiException) become google.rpc.Status in ServiceDefaults' interceptor.
/// </summary>
public sealed partial class ProvincesGrpcService(
    ProvinceQueries provinces,
    DepartmentService departments,
    OfficialService officials,
    EngagementService engagements,
    RecommendationService recommendations,
    DirectiveService directives,
    ReportedFigureService figures,
    ProvinceOverviewService overviews) : ProvincesService.ProvincesServiceBase
{
}
