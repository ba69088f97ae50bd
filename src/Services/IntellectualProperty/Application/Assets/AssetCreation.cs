using Khcn.Aip;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.History;
using Khcn.IntellectualProperty.Application.Origins;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.EntityFrameworkCore;
using EventType = Khcn.IntellectualProperty.V1.AssetEvent.Types.Type;
using State = Khcn.IntellectualProperty.V1.Asset.Types.State;

namespace Khcn.IntellectualProperty.Application.Assets;

/// <summary>
/// Puts a new asset into the register: validates it (every violation at once), applies the Art. 86a holder rule,
/// claims its id and application number, and adds the row with its FILED history entry to the context. Saving is the
/// caller's, so CreateAsset can store its idempotency record in the same transaction and the seed loader can batch.
/// </summary>
public sealed class AssetCreation(
    IpDbContext db,
    ResourceWrites writes,
    RecordClock clock,
    AssetHistory history,
    IProvinceReference provinces,
    IOriginTaskDirectory origins)
{
    private ResourceRows<IpAsset> Rows => new(db.Assets, AssetMapping.Names, AssetMapping.ResourceType, writes);

    /// <summary>
    /// Adds <paramref name="input"/> as a new asset, UNSAVED. INVALID_ARGUMENT lists every violation (paths "asset.…",
    /// "asset_id"); ALREADY_EXISTS when the id is taken, with reason DUPLICATE_APPLICATION_NUMBER when the application
    /// number is. <paramref name="input"/> itself is left unchanged.
    /// </summary>
    public async Task<IpAsset> AddAsync(Asset input, string? assetId, AssetCreationMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        // A working copy: the Art. 86a rule may fill the holder, and the caller's message must not change under it.
        var asset = input.Clone();
        var create = mode == AssetCreationMode.Create;
        var validation = new AssetValidation(provinces, origins, clock)
            .AssetId(assetId)
            .Kind(asset, required: create)
            .MarkType(asset)
            .NiceClasses(asset)
            .Representation(asset)
            .Title(asset)
            .FilingDate(asset, required: create)
            .Priority(asset)
            .Ocop(asset);
        if (!create)
        {
            validation.RecordedLifecycle(asset);
        }

        await validation.OriginTaskAsync(asset, cancellationToken);
        validation.Holder(asset, nameRequired: create);
        await validation.ProvinceAsync(asset, required: create, cancellationToken);
        validation.ThrowIfInvalid();

        var (id, name) = await Rows.ClaimAsync(assetId, cancellationToken);
        if (db.Assets.Local.Any(a => a.Id == id))
        {
            // A seed batch may add several records before saving: a repeated id in it is taken too.
            throw ApiException.AlreadyExists(AssetMapping.ResourceType, name);
        }

        var now = clock.UtcNow();
        var entity = new IpAsset
        {
            Id = id,
            Kind = asset.Kind,
            Title = "",
            ProvinceCode = "",
            State = create ? State.Filed : asset.State,
            Version = 1,
            CreateTime = now,
            UpdateTime = now,
        };
        if (!create)
        {
            // A seeded record comes as the sources show it, with the dates and numbers its lifecycle already set.
            entity.PublicationDate = ProtoConvert.ToSortable(asset.PublicationDate);
            entity.GrantNumber = Nfc.Of(asset.GrantNumber).Trim();
            entity.GrantDate = ProtoConvert.ToSortable(asset.GrantDate);
            entity.RenewalCount = asset.RenewalCount;
        }

        AssetMapping.ApplyDescription(asset, entity);
        if (await DuplicateApplicationNumberAsync(entity.ApplicationNumber, id, cancellationToken) is { } duplicate)
        {
            // Checked here to answer with the holder's name; the unique index ux_assets_application_number still decides a race.
            throw duplicate;
        }

        db.Assets.Add(entity);
        history.RecordWrite(entity, EventType.Filed, now, []);
        return entity;
    }

    /// <summary>For a save that lost a race on the unique application-number index: DUPLICATE_APPLICATION_NUMBER naming the winner, else null.</summary>
    public Task<ApiException?> ExplainApplicationNumberConflictAsync(IpAsset? added, CancellationToken cancellationToken) =>
        added is null
            ? Task.FromResult<ApiException?>(null)
            : DuplicateApplicationNumberAsync(added.ApplicationNumber, added.Id, cancellationToken);

    /// <summary>
    /// DUPLICATE_APPLICATION_NUMBER naming the asset other than <paramref name="ownId"/> that holds
    /// <paramref name="applicationNumber"/> (stored or added in this context), else null. Shared with UpdateAsset.
    /// </summary>
    internal async Task<ApiException?> DuplicateApplicationNumberAsync(string applicationNumber, string ownId, CancellationToken cancellationToken)
    {
        if (applicationNumber.Length == 0)
        {
            return null;
        }

        var holder = db.Assets.Local.FirstOrDefault(a => a.ApplicationNumber == applicationNumber && a.Id != ownId)?.Id
            ?? await db.Assets.AsNoTracking()
                // "application_number <> ''" lets SQLite use the partial unique index instead of scanning the table.
                .Where(a => a.ApplicationNumber == applicationNumber && a.ApplicationNumber != "" && a.Id != ownId)
                .Select(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken);
        return holder is null ? null : AssetErrors.DuplicateApplicationNumber(applicationNumber, AssetMapping.Names.Format(holder));
    }
}

/// <summary>
/// How an asset enters the register: CreateAsset (a new application, always FILED, every rule) or the seed loader
/// (a record as the sources show it: its state, publication and grant dates, grant number and renewal count are kept;
/// kind and state may be unknown, and filing date, holder and province are checked only when given).
/// </summary>
public enum AssetCreationMode
{
    Create,
    Seed,
}
