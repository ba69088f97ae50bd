using System.Diagnostics;
using Khcn.Bench.Common;
using Khcn.Data;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Data;
using Khcn.IntellectualProperty.Domain.Assets;
using Khcn.IntellectualProperty.V1;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Bench.Ip;

/// <summary>
/// Puts the generated register in place in two parts. The first assets go through CreateAsset, the real write path
/// (validation, province check against the Provinces service, the FILED history entry, request_id idempotency), with
/// several callers at once: its rate is the figure reported. There is no bulk import RPC, and CreateAsset only files
/// (every asset it makes is FILED), so the rest — with the mix of lifecycle states the reads need — are written as rows
/// with the service's own <see cref="IpDbContext"/> and <see cref="AssetMapping"/> (the same derived columns and terms
/// the service computes), without history entries, which neither ListAssets nor SummarizeAssets reads.
/// </summary>
public sealed class AssetLoader(AssetGenerator generator)
{
    public sealed record Result(int Created, TimeSpan CreateElapsed, int CreateErrors, int Inserted, TimeSpan InsertElapsed);

    public async Task<Result> LoadAsync(
        IntellectualPropertyService.IntellectualPropertyServiceClient client,
        DatabaseProvider provider,
        string database,
        int total,
        int throughApi,
        int concurrency)
    {
        var errors = 0;
        var createClock = Stopwatch.StartNew();
        var created = await Callers.RunAsync(throughApi, concurrency, async index =>
        {
            try
            {
                await client.CreateAssetAsync(new CreateAssetRequest
                {
                    Asset = generator.Filing(index),
                    AssetId = AssetGenerator.AssetId(index),
                    RequestId = AssetGenerator.RequestId(index),
                });
            }
            catch (Exception error)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"[load] CreateAsset {index} failed: {error.Message}");
                }
            }
        });
        var createElapsed = createClock.Elapsed;
        Console.Error.WriteLine($"[load] CreateAsset: {created} calls, {errors} errors, {createElapsed.TotalSeconds:F1} s");

        var insertClock = Stopwatch.StartNew();
        var inserted = await InsertRowsAsync(provider, database, throughApi, total);
        return new Result(created - errors, createElapsed, errors, inserted, insertClock.Elapsed);
    }

    private async Task<int> InsertRowsAsync(DatabaseProvider provider, string database, int first, int total)
    {
        const int Batch = 2_000;
        var options = new DbContextOptionsBuilder<IpDbContext>().UseKhcnDatabase(provider, database).Options;
        var inserted = 0;
        for (var start = first; start < total; start += Batch)
        {
            await using var db = new IpDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var index = start; index < Math.Min(total, start + Batch); index++)
            {
                db.Assets.Add(Row(generator.Generate(index), AssetGenerator.AssetId(index), now));
            }

            inserted += await db.SaveChangesAsync();
            if ((start - first) % 20_000 == 0)
            {
                Console.Error.WriteLine($"[load] rows: {start - first + Batch} of {total - first}");
            }
        }

        return inserted;
    }

    /// <summary>The row the service would hold after filing and walking the asset to its state.</summary>
    private static IpAsset Row(GeneratedAsset generated, string id, DateTime now)
    {
        var entity = new IpAsset
        {
            Id = id,
            Kind = generated.Asset.Kind,
            Title = "",
            ProvinceCode = "",
            State = generated.State,
            PublicationDate = AssetDates.ToSortable(generated.PublicationDate),
            GrantDate = AssetDates.ToSortable(generated.GrantDate),
            GrantNumber = generated.GrantNumber,
            RenewalCount = generated.RenewalCount,
            Version = 1,
            CreateTime = now,
            UpdateTime = now,
        };
        // Copies the descriptive fields in NFC and computes what the service derives: folded texts, class tokens, term.
        AssetMapping.ApplyDescription(generated.Asset, entity);
        return entity;
    }
}
