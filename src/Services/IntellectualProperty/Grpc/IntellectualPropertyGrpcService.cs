using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Application.Expiring;
using Khcn.IntellectualProperty.Application.History;
using Khcn.IntellectualProperty.Application.Lifecycle;
using Khcn.IntellectualProperty.Application.Summary;
using Khcn.IntellectualProperty.V1;

namespace Khcn.IntellectualProperty.Grpc;

/// <summary>
/// Entry point of the IntellectualPropertyService v1 API: requests enter here and are handed, unchanged, to the use
/// case of their area (Application/). One partial file per area keeps each screen short. Domain errors
/// (Khcn.Aip.ApiException) become google.rpc.Status in ServiceDefaults' interceptor.
/// </summary>
public sealed partial class IntellectualPropertyGrpcService(
    AssetService assets,
    AssetLifecycleService lifecycle,
    AssetEventService events,
    ExpiringAssetService expiring,
    AssetSummaryService summaries) : IntellectualPropertyService.IntellectualPropertyServiceBase
{
}
