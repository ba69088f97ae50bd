using System.Linq.Expressions;
using Google.Protobuf.Reflection;
using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using OfficialEntity = Khcn.Provinces.Domain.Officials.Official;
using OfficialMessage = Khcn.Provinces.V1.Official;

namespace Khcn.Provinces.Application.Officials;

/// <summary>Officials: create (idempotent), read, list, update with mask and etag, delete, and "who held this post on D".</summary>
/// <remarks>
/// An official is written by a caller who may write the province of every one of its positions: a central post (no
/// province), or no position at all, makes the official the Ministry's to write.
/// </remarks>
public sealed class OfficialService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    private const string CreateScope = "khcn.provinces.v1.ProvincesService/CreateOfficial";

    private static readonly UpdateMaskSchema MaskSchema = new(
        updatable: ["display_name", "positions"],
        immutable: ["name"],
        outputOnly: ["etag", "create_time", "update_time"]);

    private static readonly EnumDescriptor RoleDescriptor =
        OfficialReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(PositionRole));

    private static readonly OrderBySchema<OfficialEntity> OrderBySchema = new OrderBySchema<OfficialEntity>()
        .Field("display_name", o => o.SortKey)
        .Field("create_time", o => o.CreateTime)
        .Field("update_time", o => o.UpdateTime);

    public async Task<OfficialMessage> CreateAsync(CreateOfficialRequest request, CancellationToken cancellationToken)
    {
        var official = request.Official ?? new OfficialMessage();
        var validator = new Validator();
        validator.Check(request.Official is not null, "official", "is required");
        RequestCheck.OptionalResourceId(validator, request.OfficialId, "official_id");
        OfficialValidation.DisplayName(validator, official.DisplayName, "official.display_name");
        OfficialValidation.Positions(validator, official.Positions, "official.positions", provinces);
        validator.ThrowIfInvalid();
        await access.DemandCodesAsync(OfficialMapping.ResourceType, ProvincesOf(official.Positions), cancellationToken);

        var created = await writes.CreateOnceAsync(CreateScope, request.RequestId, OfficialMessage.Parser, async () =>
        {
            var (id, name) = await Rows.ClaimAsync(request.OfficialId, cancellationToken);
            var entity = OfficialMapping.ToEntity(id, official, clock.UtcNow());
            db.Officials.Add(entity);
            return (OfficialMapping.ToProto(entity), OfficialMapping.ResourceType, name);
        }, cancellationToken);

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandCodesAsync(created.Name, ProvincesOf(created.Positions), cancellationToken);
        return created;
    }

    public async Task<OfficialMessage> GetAsync(GetOfficialRequest request, CancellationToken cancellationToken) =>
        OfficialMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListOfficialsResponse> ListAsync(ListOfficialsRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Officials.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            FilterSchema.For(provinces),
            OrderBySchema,
            "display_name",
            o => o.Id,
            cancellationToken);
        var response = new ListOfficialsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Officials.AddRange(page.Items.Select(OfficialMapping.ToProto));
        return response;
    }

    public async Task<OfficialMessage> UpdateAsync(UpdateOfficialRequest request, CancellationToken cancellationToken)
    {
        var official = request.Official ?? throw RequestCheck.Missing("official");
        var id = OfficialMapping.NamePattern.Parse(official.Name, "official.name");
        var paths = MaskSchema.Resolve(request.UpdateMask);
        await DemandStoredAsync(official.Name, cancellationToken);

        var validator = new Validator();
        if (paths.Contains("display_name"))
        {
            OfficialValidation.DisplayName(validator, official.DisplayName, "official.display_name");
        }

        if (paths.Contains("positions"))
        {
            OfficialValidation.Positions(validator, official.Positions, "official.positions", provinces);
        }

        validator.ThrowIfInvalid();
        if (paths.Contains("positions"))
        {
            // New positions may name other provinces: those must be granted too.
            await access.DemandCodesAsync(official.Name, ProvincesOf(official.Positions), cancellationToken);
        }

        var entity = await Rows.FindForWriteAsync(id, official.Name, official.Etag, cancellationToken);

        if (paths.Contains("display_name"))
        {
            OfficialMapping.SetDisplayName(entity, official.DisplayName);
        }

        if (paths.Contains("positions"))
        {
            OfficialMapping.SetPositions(entity, official.Positions);
        }

        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await Rows.SaveAsync(official.Name, cancellationToken);
        return OfficialMapping.ToProto(entity);
    }

    public async Task<Empty> DeleteAsync(DeleteOfficialRequest request, CancellationToken cancellationToken)
    {
        await DemandStoredAsync(request.Name, cancellationToken);
        await Rows.DeleteAsync(request.Name, request.Etag, cancellationToken);
        return new Empty();
    }

    /// <summary>
    /// Who held <c>role</c> on <c>date</c>. A province matches its whole lineage, so asking about today's Quảng Trị
    /// (44) on 2023-11-29 finds the chair recorded under the code of that time (45); no province means central posts.
    /// </summary>
    public async Task<FindPostHoldersResponse> FindPostHoldersAsync(FindPostHoldersRequest request, CancellationToken cancellationToken)
    {
        var validator = new Validator()
            .Check(request.Role != PositionRole.Unspecified, "role", "is required")
            .Check(request.Role == PositionRole.Unspecified || Enum.IsDefined(request.Role), "role", "is not a known PositionRole")
            .Check(PartialDate.FromProto(request.Date) is not null, "date", "is required")
            .Add(PartialDate.Validate(request.Date, "date", requireComplete: true));
        if (!string.IsNullOrEmpty(request.Province) && provinces.CheckProvince(request.Province, "province") is { } problem)
        {
            validator.Add(problem.Violation.Field, problem.Violation.Description);
        }

        validator.ThrowIfInvalid();

        var role = request.Role;
        var date = ProtoConvert.ToSortable(request.Date);
        var positions = db.OfficialPositions.AsNoTracking()
            .Where(p => p.Role == role && p.StartBound <= date && date <= p.EndBound);
        if (string.IsNullOrEmpty(request.Province))
        {
            positions = positions.Where(p => p.ProvinceCode == null);
        }
        else
        {
            var codes = provinces.LineageCodes(ProvinceDirectory.NamePattern.Parse(request.Province, "province")).ToList();
            positions = positions.Where(p => p.ProvinceCode != null && codes.Contains(p.ProvinceCode));
        }

        var matches = await positions.ToListAsync(cancellationToken);
        var officialIds = matches.Select(p => p.OfficialId).Distinct().ToList();
        var officials = await db.Officials.AsNoTracking()
            .Where(o => officialIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);

        var response = new FindPostHoldersResponse();
        response.Holders.AddRange(matches
            .Where(p => officials.ContainsKey(p.OfficialId))
            .OrderBy(p => officials[p.OfficialId].SortKey, StringComparer.Ordinal)
            .ThenBy(p => p.OfficialId, StringComparer.Ordinal)
            .ThenBy(p => p.Ordinal)
            .Select(p => new PostHolder
            {
                Official = OfficialMapping.ToProto(officials[p.OfficialId]),
                Position = OfficialMapping.ToProto(p),
            }));
        return response;
    }

    // The province field expands the lineage through the host's directory, so the schema is built once per directory.
    private static readonly DirectoryFilterSchema<OfficialEntity> FilterSchema = new(provinces => new FilterSchema<OfficialEntity>()
        .FoldedText("display_name", o => o.FoldedName)
        .GlobalText(o => o.FoldedName)
        .Custom("positions.province", c => ProvinceRestriction(provinces, c))
        .Custom("positions.role", RoleRestriction));

    /// <summary>The province codes an official's positions name; null for a central post, and for no position at all.</summary>
    private static IReadOnlyList<string?> ProvincesOf(IEnumerable<Position> positions)
    {
        List<string?> codes = [.. positions.Select(p => ProvinceDirectory.NamePattern.TryParse(p.Province, out var ids) ? ids[0] : null)];
        return codes.Count == 0 ? [null] : codes;
    }

    /// <summary>The stored official's provinces; nothing is checked for a malformed or unknown name (the write reports it).</summary>
    private async Task DemandStoredAsync(string? name, CancellationToken cancellationToken)
    {
        if (!access.IsEnforced || !OfficialMapping.NamePattern.TryParse(name, out var ids))
        {
            return;
        }

        var id = ids[0];
        var stored = await db.Officials.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => o.Positions.Select(p => p.ProvinceCode).ToList())
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            await access.DemandCodesAsync(name!, stored.Count == 0 ? [null] : stored, cancellationToken);
        }
    }

    private ResourceRows<OfficialEntity> Rows => new(db.Officials, OfficialMapping.NamePattern, OfficialMapping.ResourceType, writes);

    private static Expression<Func<OfficialEntity, bool>> ProvinceRestriction(ProvinceDirectory provinces, FilterComparison comparison)
    {
        RequireEqualOrNotEqual(comparison);
        if (!ProvinceDirectory.NamePattern.TryParse(comparison.Value, out var ids))
        {
            throw Filters.Invalid($"'{comparison.Value}' is not a province name for field '{comparison.Field}' (use \"provinces/{{code}}\")");
        }

        var codes = provinces.LineageCodes(ids[0]).ToList();
        Expression<Func<OfficialEntity, bool>> match =
            o => o.Positions.Any(p => p.ProvinceCode != null && codes.Contains(p.ProvinceCode));
        return comparison.Operator == FilterOperator.NotEqual ? Negate(match) : match;
    }

    private static Expression<Func<OfficialEntity, bool>> RoleRestriction(FilterComparison comparison)
    {
        RequireEqualOrNotEqual(comparison);
        var role = ParseRole(comparison);
        Expression<Func<OfficialEntity, bool>> match = o => o.Positions.Any(p => p.Role == role);
        return comparison.Operator == FilterOperator.NotEqual ? Negate(match) : match;
    }

    private static PositionRole ParseRole(FilterComparison comparison)
    {
        foreach (var value in RoleDescriptor.Values)
        {
            if (value.Number != 0 && string.Equals(value.Name, comparison.Value, StringComparison.OrdinalIgnoreCase))
            {
                return (PositionRole)value.Number;
            }
        }

        throw Filters.Invalid($"unknown value '{comparison.Value}' for field '{comparison.Field}'; allowed: " +
            string.Join(", ", RoleDescriptor.Values.Where(v => v.Number != 0).Select(v => v.Name)));
    }

    private static void RequireEqualOrNotEqual(FilterComparison comparison)
    {
        if (comparison.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            throw Filters.Invalid($"operator '{comparison.OperatorText}' is not supported for field '{comparison.Field}' (use = or !=)");
        }
    }

    private static Expression<Func<OfficialEntity, bool>> Negate(Expression<Func<OfficialEntity, bool>> match) =>
        Expression.Lambda<Func<OfficialEntity, bool>>(Expression.Not(match.Body), match.Parameters);
}
