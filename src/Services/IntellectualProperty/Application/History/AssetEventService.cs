using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Microsoft.EntityFrameworkCore;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.History;

/// <summary>
/// ListAssetEvents: the history of one asset ("assets/{asset}") or of every asset ("assets/-"). History outlives the
/// asset row, so the events of a deleted asset stay listable; an asset that never existed is NOT_FOUND.
/// </summary>
public sealed class AssetEventService(IpDbContext db)
{
    private static readonly HistoryEventList<AssetHistoryEntry, EventType, State> Events = new(AssetMapping.Names, AssetMapping.ResourceType);

    public async Task<ListAssetEventsResponse> ListAsync(ListAssetEventsRequest request, CancellationToken cancellationToken)
    {
        var page = await Events.ListAsync(
            db.History,
            assetId => db.History.Where(e => e.AssetId == assetId),
            (assetId, ct) => db.Assets.AnyAsync(a => a.Id == assetId, ct),
            request.Parent,
            request.PageSize,
            request.PageToken,
            request.Filter,
            request.OrderBy,
            cancellationToken);
        var response = new ListAssetEventsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.AssetEvents.AddRange(page.Items.Select(AssetEventMapping.ToProto));
        return response;
    }
}
