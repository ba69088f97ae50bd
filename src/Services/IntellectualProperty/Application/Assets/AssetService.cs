using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Access;
using Khcn.IntellectualProperty.Application.History;
using Khcn.IntellectualProperty.Application.Origins;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>
/// The standard methods of the Asset resource (AIP-131..135). Descriptive fields change through Update in every state
/// but the terminal ones; the state and the dates the lifecycle sets change only through the lifecycle methods. Every
/// write records its history entry in the same transaction as the row.
/// </summary>
public sealed class AssetService(
    IpDbContext db,
    ResourceWrites writes,
    RecordClock clock,
    AssetHistory history,
    AssetCreation creation,
    IProvinceReference provinces,
    IOriginTaskDirectory origins,
    AssetWriteAccess access)
{
    public const string CreateScope = "khcn.ip.v1.IntellectualPropertyService/CreateAsset";

    /// <summary>
    /// The updatable paths, each with how it is copied from the request onto the stored asset. Applied in this order,
    /// so a whole message ("holder") goes before its parts ("holder.address") when a mask names both.
    /// </summary>
    private static readonly (string Path, Action<Asset, Asset> Copy)[] Updatable =
    [
        ("mark_type", (to, from) => to.MarkType = from.MarkType),
        ("title", (to, from) => to.Title = from.Title),
        ("holder", (to, from) => to.Holder = from.Holder?.Clone() ?? new Holder()),
        ("holder.display_name", (to, from) => to.Holder.DisplayName = from.Holder?.DisplayName ?? ""),
        ("holder.kind", (to, from) => to.Holder.Kind = from.Holder?.Kind ?? default),
        ("holder.address", (to, from) => to.Holder.Address = from.Holder?.Address ?? ""),
        ("province_code", (to, from) => to.ProvinceCode = from.ProvinceCode),
        ("application_number", (to, from) => to.ApplicationNumber = from.ApplicationNumber),
        ("filing_date", (to, from) => to.FilingDate = from.FilingDate?.Clone()),
        ("nice_classes", (to, from) =>
        {
            to.NiceClasses.Clear();
            to.NiceClasses.AddRange(from.NiceClasses);
        }),
        ("representation", (to, from) => to.Representation = from.Representation),
        ("priority", (to, from) => to.Priority = from.Priority?.Clone()),
        ("priority.country_code", (to, from) => (to.Priority ??= new Priority()).CountryCode = from.Priority?.CountryCode ?? ""),
        ("priority.application_number", (to, from) => (to.Priority ??= new Priority()).ApplicationNumber = from.Priority?.ApplicationNumber ?? ""),
        ("priority.date", (to, from) => (to.Priority ??= new Priority()).Date = from.Priority?.Date?.Clone()),
        ("ocop", (to, from) => to.Ocop = from.Ocop?.Clone()),
        ("ocop.stars", (to, from) => (to.Ocop ??= new OcopRating()).Stars = from.Ocop?.Stars ?? 0),
        ("ocop.certified_date", (to, from) => (to.Ocop ??= new OcopRating()).CertifiedDate = from.Ocop?.CertifiedDate?.Clone()),
        ("origin_task", (to, from) => to.OriginTask = from.OriginTask),
    ];

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: Updatable.Select(u => u.Path),
        immutable: ["name", "kind"],
        outputOnly:
        [
            "state", "etag", "create_time", "update_time", "publication_date", "grant_number", "grant_date", "expiry_date",
            "renewal_window_start", "grace_period_end", "renewal_count", "ocop.expiry_date",
        ]);

    private ResourceRows<IpAsset> Rows => new(db.Assets, AssetMapping.Names, AssetMapping.ResourceType, writes);

    public async Task<Asset> GetAsync(GetAssetRequest request, CancellationToken cancellationToken) =>
        AssetMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListAssetsResponse> ListAsync(ListAssetsRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Assets.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            await AssetFilters.Schemas.ForAsync(provinces, request.Filter, cancellationToken),
            AssetOrdering.Fields,
            AssetOrdering.DefaultOrderBy,
            a => a.Id,
            cancellationToken);
        var response = new ListAssetsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Assets.AddRange(page.Items.Select(AssetMapping.ToProto));
        return response;
    }

    /// <summary>
    /// Records a filed application (state FILED); a retry with the same request_id returns the asset created the first
    /// time, to a caller who may write that asset's province.
    /// </summary>
    public async Task<Asset> CreateAsync(CreateAssetRequest request, CancellationToken cancellationToken)
    {
        // A new asset always has a province: one without is left to validation, which refuses it.
        if (request.Asset is { ProvinceCode.Length: > 0 } proposed)
        {
            await access.DemandNewAsync(AssetMapping.ResourceType, proposed.ProvinceCode, cancellationToken);
        }

        IpAsset? added = null;
        var asset = await writes.CreateOnceAsync(CreateScope, request.RequestId, Asset.Parser, async () =>
        {
            var input = request.Asset ?? throw AssetErrors.Missing("asset");
            added = await creation.AddAsync(input, request.AssetId, AssetCreationMode.Create, cancellationToken);
            return (AssetMapping.ToProto(added), AssetMapping.ResourceType, AssetMapping.Names.Format(added.Id));
        },
        cancellationToken,
        explainConflict: () => creation.ExplainApplicationNumberConflictAsync(added, cancellationToken));

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandNewAsync(asset.Name, asset.ProvinceCode, cancellationToken);
        return asset;
    }

    /// <summary>
    /// Changes the fields named by update_mask while the asset's record is open (any non-terminal state). The merged
    /// asset is checked by the create rules of the paths in the mask and the cross-field rules they take part in: a
    /// new filing date re-checks the province code, the priority period and the recorded publication and grant dates,
    /// and moves the computed term.
    /// </summary>
    public async Task<Asset> UpdateAsync(UpdateAssetRequest request, CancellationToken cancellationToken)
    {
        var input = request.Asset ?? throw AssetErrors.Missing("asset");
        var id = AssetMapping.Names.Parse(input.Name, "asset.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        // Moving to no province is left to validation, which refuses an empty province_code named in the mask.
        var movedTo = paths.Contains("province_code") && input.ProvinceCode.Length > 0 ? input.ProvinceCode : null;
        await access.DemandStoredAsync(input.Name, movedTo, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);
        if (AssetLifecycle.IsTerminal(entity.State))
        {
            throw AssetErrors.Closed(input.Name, entity.State);
        }

        var changed = Updatable.Where(u => paths.Contains(u.Path)).ToList();
        var merged = AssetMapping.ToProto(entity);
        foreach (var (_, copy) in changed)
        {
            copy(merged, input);
        }

        await ValidateMergedAsync(merged, paths, cancellationToken);
        var applicationNumber = Nfc.Of(merged.ApplicationNumber).Trim();
        if (paths.Contains("application_number")
            && await creation.DuplicateApplicationNumberAsync(applicationNumber, entity.Id, cancellationToken) is { } taken)
        {
            throw taken;
        }

        var now = clock.UtcNow();
        AssetMapping.ApplyDescription(merged, entity);
        entity.Version++;
        entity.UpdateTime = now;
        history.RecordWrite(entity, EventType.Updated, now, UpdateMaskSchema.OutermostPaths(changed.Select(u => u.Path)));
        try
        {
            await Rows.SaveAsync(input.Name, cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another write took the application number between the check above and this save.
            db.ChangeTracker.Clear();
            if (await creation.DuplicateApplicationNumberAsync(applicationNumber, entity.Id, cancellationToken) is not { } duplicate)
            {
                throw;
            }

            throw duplicate;
        }

        return AssetMapping.ToProto(entity);
    }

    /// <summary>Deletes an application recorded by mistake (FILED only); its history, ending with DELETED, stays listable.</summary>
    public async Task<Empty> DeleteAsync(DeleteAssetRequest request, CancellationToken cancellationToken)
    {
        var id = AssetMapping.Names.Parse(request.Name, "name");
        await access.DemandStoredAsync(request.Name, null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, request.Name, request.Etag, cancellationToken);
        if (entity.State != State.Filed)
        {
            throw AssetErrors.NotDeletable(request.Name, entity.State);
        }

        history.RecordWrite(entity, EventType.Deleted, clock.UtcNow(), []);
        db.Assets.Remove(entity);
        await Rows.SaveAsync(request.Name, cancellationToken);
        return new Empty();
    }

    /// <summary>The create rules of the paths in the mask, on the asset as it would be stored.</summary>
    private async Task ValidateMergedAsync(Asset merged, IReadOnlySet<string> paths, CancellationToken cancellationToken)
    {
        bool Touches(string path) => paths.Contains(path) || paths.Any(p => p.StartsWith(path + ".", StringComparison.Ordinal));

        var validation = new AssetValidation(provinces, origins, clock);
        if (Touches("mark_type"))
        {
            validation.MarkType(merged);
        }

        if (Touches("title"))
        {
            validation.Title(merged);
        }

        if (Touches("nice_classes"))
        {
            validation.NiceClasses(merged);
        }

        if (Touches("representation"))
        {
            validation.Representation(merged);
        }

        if (Touches("filing_date"))
        {
            validation.FilingDate(merged, required: true).FilingBeforeRecordedDates(merged);
        }

        if (Touches("priority") || Touches("filing_date"))
        {
            validation.Priority(merged);
        }

        if (Touches("ocop"))
        {
            validation.Ocop(merged);
        }

        // The holder rule of Art. 86a involves the origin task and the holder: a change of either re-applies it.
        if (Touches("origin_task") || (Touches("holder") && merged.OriginTask.Length > 0))
        {
            await validation.OriginTaskAsync(merged, cancellationToken);
        }

        if (Touches("holder"))
        {
            validation.Holder(merged, nameRequired: paths.Contains("holder") || paths.Contains("holder.display_name"));
        }

        if (Touches("province_code") || Touches("filing_date"))
        {
            await validation.ProvinceAsync(merged, required: Touches("province_code"), cancellationToken);
        }

        validation.ThrowIfInvalid();
    }
}
