using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Microsoft.EntityFrameworkCore;

namespace Khcn.IntellectualProperty.Application.History;

/// <summary>
/// ListAssetEvents: the history of one asset ("assets/{asset}") or of every asset ("assets/-"). History outlives the
/// asset row, so the events of a deleted asset stay listable; an asset that never existed is NOT_FOUND.
/// </summary>
public sealed class AssetEventService(IpDbContext db)
{
    /// <summary>AIP-159: the wildcard collection id that reads across every parent.</summary>
    private const string AllAssets = "assets/-";

    private static readonly FilterSchema<AssetHistoryEntry> FilterFields = new FilterSchema<AssetHistoryEntry>()
        .Enum("type", e => e.Type)
        .String("actor", e => e.Actor)
        .Timestamp("event_time", e => e.EventTime)
        .Timestamp("record_time", e => e.RecordTime);

    // Entries are recorded in sequence order, so the sequence also breaks ties of equal record times the way they
    // were committed.
    private static readonly OrderBySchema<AssetHistoryEntry> OrderFields = new OrderBySchema<AssetHistoryEntry>()
        .Field("record_time", e => e.RecordTime)
        .Field("event_time", e => e.EventTime);

    public async Task<ListAssetEventsResponse> ListAsync(ListAssetEventsRequest request, CancellationToken cancellationToken)
    {
        var events = db.History.AsNoTracking();
        if (request.Parent != AllAssets)
        {
            var assetId = AssetMapping.Names.Parse(request.Parent, "parent");
            if (!await db.Assets.AnyAsync(a => a.Id == assetId, cancellationToken)
                && !await db.History.AnyAsync(e => e.AssetId == assetId, cancellationToken))
            {
                throw ApiException.NotFound(AssetMapping.ResourceType, request.Parent);
            }

            events = events.Where(e => e.AssetId == assetId);
        }

        var page = await events.KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy, request.Parent),
            FilterFields,
            OrderFields,
            "record_time",
            e => e.Sequence,
            cancellationToken);
        var response = new ListAssetEventsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.AssetEvents.AddRange(page.Items.Select(AssetEventMapping.ToProto));
        return response;
    }
}
