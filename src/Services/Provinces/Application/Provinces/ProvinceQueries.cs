using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Domain.Provinces;
using Khcn.Provinces.V1;

namespace Khcn.Provinces.Application.Provinces;

/// <summary>
/// GetProvince, ListProvinces and ResolveProvince. Provinces are a few dozen rows of reference data held by
/// <see cref="ProvinceDirectory"/>, so these run in memory, through the same filter and ordering rules as the
/// database-backed lists.
/// </summary>
public sealed class ProvinceQueries(ProvinceDirectory directory, RecordClock clock)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    private static readonly FilterSchema<ProvinceUnit> FilterSchema = new FilterSchema<ProvinceUnit>()
        .Enum("region", u => u.Region)
        .Enum("kind", u => u.Kind)
        .String("code", u => u.Code)
        .FoldedText("display_name", u => u.FoldedName)
        .GlobalText(u => u.FoldedName);

    // Ordered in memory, so the keys compare ordinally as the database's binary collation would.
    private static readonly OrderBySchema<ProvinceUnit> OrderBySchema = new OrderBySchema<ProvinceUnit>()
        .Field("display_name", u => new OrdinalText(u.SortKey))
        .Field("code", u => new OrdinalText(u.Code));

    // LINQ over an in-memory IQueryable compiles the whole expression tree on every enumeration, which costs far
    // more than filtering a few dozen rows. The ordered result depends only on the loaded registry (immutable, replaced
    // on reload) and the request, so it is kept per registry; a full cache is emptied (filters are client text).
    private const int MaxCachedListings = 256;

    private static readonly ConditionalWeakTable<ProvinceRegistry, ConcurrentDictionary<ListingKey, ProvinceUnit[]>> Listings = new();

    /// <summary>The latest incarnation of a code, open or closed, with the earlier ones and the lineage links.</summary>
    public Task<Province> GetAsync(GetProvinceRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var code = ProvinceDirectory.NamePattern.Parse(request.Name, "name");
        var registry = directory.Registry;
        var unit = registry.Latest(code) ?? throw ApiException.NotFound(ProvinceDirectory.ResourceType, request.Name);
        return Task.FromResult(ProvinceMapping.ToProto(unit, registry));
    }

    public Task<ListProvincesResponse> ListAsync(ListProvincesRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pageSize = PageSizes.Normalize(request.PageSize, DefaultPageSize, MaxPageSize);
        new Validator().Add(PartialDate.Validate(request.ValidOn, "valid_on", requireComplete: true)).ThrowIfInvalid();

        var requestedDate = PartialDate.FromProto(request.ValidOn);
        var fingerprint = RequestFingerprint.Of(
            request.Filter, request.OrderBy, requestedDate?.ToString(), request.IncludeHistorical ? "historical" : "");
        var offset = PageTokens.Decode(request.PageToken, fingerprint);

        var registry = directory.Registry;
        var key = new ListingKey(
            request.Filter, request.OrderBy, request.IncludeHistorical ? null : requestedDate?.ToSortable() ?? clock.TodayInVietnam());
        var listing = List(registry, key);
        var totalSize = listing.Length;
        var response = new ListProvincesResponse { TotalSize = totalSize };
        response.Provinces.AddRange(listing.Skip(offset).Take(pageSize).Select(u => ProvinceMapping.ToProto(u, registry)));
        if (offset + pageSize < totalSize)
        {
            response.NextPageToken = PageTokens.Encode(offset + pageSize, fingerprint);
        }

        return Task.FromResult(response);
    }

    /// <summary>Every unit the listing selects, in its order; computed once per registry and key.</summary>
    private static ProvinceUnit[] List(ProvinceRegistry registry, ListingKey key)
    {
        var cache = Listings.GetValue(registry, _ => new ConcurrentDictionary<ListingKey, ProvinceUnit[]>());
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var units = key.ValidOn is { } date ? registry.ValidOn(date) : registry.Units;
        var query = units.AsQueryable();
        if (Filters.Compile(key.Filter, FilterSchema) is { } predicate)
        {
            query = query.Where(predicate);
        }

        // Code, then first valid day, keeps the incarnations of one code apart in historical listings.
        var listing = Ordering.Apply(query, key.OrderBy, OrderBySchema, "display_name", u => new OrdinalText(u.Code))
            .ThenBy(u => u.ValidFrom)
            .ToArray();
        if (cache.Count >= MaxCachedListings)
        {
            cache.Clear();
        }

        cache[key] = listing;
        return listing;
    }

    /// <summary>What a listing depends on besides the registry: the filter, the ordering and the day (null: every incarnation).</summary>
    private readonly record struct ListingKey(string Filter, string OrderBy, int? ValidOn);

    /// <summary>The unit a code denoted on a date, today's unit for that territory, and every code folded into it.</summary>
    public Task<ResolveProvinceResponse> ResolveAsync(ResolveProvinceRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        new Validator()
            .Required(request.Code, "code")
            .Add(PartialDate.Validate(request.Date, "date", requireComplete: true))
            .ThrowIfInvalid();

        // A full resource name is accepted too: clients often hold "provinces/45" rather than the bare code.
        var code = ProvinceDirectory.NamePattern.TryParse(request.Code, out var ids) ? ids[0] : request.Code.Trim();
        var name = $"provinces/{code}";
        var registry = directory.Registry;
        if (!registry.Contains(code))
        {
            throw ApiException.NotFound(ProvinceDirectory.ResourceType, name);
        }

        var date = PartialDate.FromProto(request.Date)?.ToSortable() ?? clock.TodayInVietnam();
        if (directory.CheckProvince(name, "code", date) is { } problem)
        {
            throw ApiException.InvalidArgument(problem.Reason, problem.Description, problem.Violation);
        }

        var historical = registry.UnitOn(code, date)!;
        var current = registry.CurrentOf(historical);
        var response = new ResolveProvinceResponse
        {
            Historical = ProvinceMapping.ToProto(historical, registry),
            Current = ProvinceMapping.ToProto(current, registry),
        };
        response.Lineage.AddRange(registry.Lineage(current.Code).Select(u => ProvinceMapping.ToProto(u, registry)));
        return Task.FromResult(response);
    }
}
