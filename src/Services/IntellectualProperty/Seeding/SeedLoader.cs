using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.V1;
using Khcn.ProvinceReference;
using Microsoft.Extensions.Options;

namespace Khcn.IntellectualProperty.Seeding;

/// <summary>
/// Loads seeds/ip/assets.json at start-up. Idempotent: a record whose id is stored, or ever was (an asset deleted through
/// the API keeps its history), is left alone, so edits made through the API survive restarts and a deleted seed never
/// comes back; the file goes in one transaction, so a crash leaves it either fully loaded or not at all. Records go
/// through <see cref="AssetCreation"/> in seed mode: what a record gives is validated as CreateAsset would (province codes
/// included, which is why the Provinces service must answer: when it does not, <see cref="LoadAsync"/> fails with
/// UNAVAILABLE and nothing is written), while what the sources leave unknown may stay unset.
/// </summary>
public sealed class SeedLoader(
    IpDbContext db,
    AssetCreation creation,
    IProvinceReference provinces,
    IOptions<SeedOptions> options,
    ILogger<SeedLoader> logger) : ISeedLoader
{
    public const string AssetsFile = "assets.json";
    public const string AssetsProperty = "assets";

    /// <summary>The folder the file is read from: <see cref="SeedLoadOptions.Path"/>, else seeds/ip next to the binary.</summary>
    public string Folder => options.Value.FolderOr("ip");

    public Task LoadAsync(CancellationToken cancellationToken = default) =>
        new SeedWriter(db, logger).LoadFileAsync(
            Folder,
            new SeedCollection<Asset>
            {
                FileName = AssetsFile,
                ArrayProperty = AssetsProperty,
                Names = AssetMapping.Names,
                NameOf = a => a.Name,
                KnownIdsAsync = KnownAssetsAsync,
                AddAsync = (asset, id, ct) => creation.AddAsync(asset, id, AssetCreationMode.Seed, ct),
                // Loaded before the transaction opens; when Provinces is down this fails with UNAVAILABLE and the file
                // waits for a later attempt (SeedingRetry).
                NeedsPreparation = a => a.ProvinceCode.Length > 0,
                PrepareAsync = async ct => await provinces.GetCatalogAsync(ct),
            },
            cancellationToken);

    private Task<List<string>> KnownAssetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        KnownSeedIds.StoredOrRecordedAsync(db.Assets.Select(a => a.Id), db.History.Select(e => e.AssetId), ids, cancellationToken);
}
