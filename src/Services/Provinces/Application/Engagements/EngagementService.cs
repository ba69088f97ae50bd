using Google.Protobuf.WellKnownTypes;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using Entity = Khcn.Provinces.Domain.Engagements.Engagement;

namespace Khcn.Provinces.Application.Engagements;

/// <summary>Use cases of the Engagement resource: dated meetings, the anchor of recommendations, directives and figures.</summary>
public sealed class EngagementService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    public const string ResourceType = "khcn.provinces.v1.Engagement";

    private const string CreateScope = "khcn.provinces.v1.ProvincesService/CreateEngagement";

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: ["title", "chair", "participants", "period_reviewed", "source", "summary", "kind", "date", "province"],
        immutable: ["name"],
        outputOnly: ["etag", "create_time", "update_time"]);

    private static readonly OrderBySchema<Entity> OrderFields = new OrderBySchema<Entity>()
        .Field("date", e => e.Date)
        .Field("create_time", e => e.CreateTime)
        .Field("update_time", e => e.UpdateTime);

    private static readonly DirectoryFilterSchema<Entity> FilterFields = new(provinces => new FilterSchema<Entity>()
        .ProvinceLineage("province", provinces, e => e.ProvinceCode)
        .Enum("kind", e => e.Kind)
        .Date("date", e => e.Date)
        .Reference("chair", OfficialMapping.NamePattern, e => e.ChairId));

    private ResourceRows<Entity> Rows => new(db.Engagements, EngagementMapping.Names, ResourceType, writes);

    public async Task<Engagement> GetAsync(GetEngagementRequest request, CancellationToken cancellationToken) =>
        EngagementMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListEngagementsResponse> ListAsync(ListEngagementsRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Engagements.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            FilterFields.For(provinces),
            OrderFields,
            "date desc",
            e => e.Id,
            cancellationToken);
        var response = new ListEngagementsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Engagements.AddRange(page.Items.Select(EngagementMapping.ToProto));
        return response;
    }

    public async Task<Engagement> CreateAsync(CreateEngagementRequest request, CancellationToken cancellationToken)
    {
        await access.DemandReferenceAsync(ResourceType, ProvinceOf(request), cancellationToken);
        var engagement = await writes.CreateOnceAsync(CreateScope, request.RequestId, Engagement.Parser, async () =>
        {
            await ValidateAsync(request.Engagement, checkId: request.EngagementId, cancellationToken);
            var (id, name) = await Rows.ClaimAsync(request.EngagementId, cancellationToken);
            var entity = EngagementMapping.ToEntity(request.Engagement, id, clock.UtcNow());
            db.Engagements.Add(entity);
            return (EngagementMapping.ToProto(entity), ResourceType, name);
        }, cancellationToken);

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandReferenceAsync(engagement.Name, engagement.Province, cancellationToken);
        return engagement;
    }

    public async Task<Engagement> UpdateAsync(UpdateEngagementRequest request, CancellationToken cancellationToken)
    {
        var input = request.Engagement ?? throw RequestCheck.Missing("engagement");
        var id = EngagementMapping.Names.Parse(input.Name, "engagement.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        await access.DemandStoredAsync(
            db.Engagements, EngagementMapping.Names, input.Name, e => e.ProvinceCode,
            paths.Contains("province") ? input.Province : null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);

        // The result must be a valid engagement as a whole: a new date re-checks the province code and vice versa.
        var merged = EngagementMapping.ToProto(entity);
        Merge(input, merged, paths);
        await ValidateAsync(merged, checkId: null, cancellationToken);

        EngagementMapping.CopyFields(merged, entity);
        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await Rows.SaveAsync(input.Name, cancellationToken);
        return EngagementMapping.ToProto(entity);
    }

    public async Task<Empty> DeleteAsync(DeleteEngagementRequest request, CancellationToken cancellationToken)
    {
        var id = EngagementMapping.Names.Parse(request.Name, "name");
        await access.DemandStoredAsync(db.Engagements, EngagementMapping.Names, request.Name, e => e.ProvinceCode, null, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, request.Name, request.Etag, cancellationToken);

        // AIP-135: no cascading surprises. What was raised, issued or reported there must go first.
        var recommendations = await db.Recommendations.CountAsync(r => r.EngagementId == id, cancellationToken);
        var directives = await db.Directives.CountAsync(d => d.EngagementId == id, cancellationToken);
        var figures = await db.ReportedFigures.CountAsync(f => f.EngagementId == id, cancellationToken);
        if (recommendations + directives + figures > 0)
        {
            throw ApiException.FailedPrecondition(
                "ENGAGEMENT_IN_USE",
                $"Engagement \"{request.Name}\" is referenced by {recommendations} recommendation(s), {directives} directive(s) "
                + $"and {figures} reported figure(s); delete those first.",
                new Dictionary<string, string>
                {
                    ["recommendations"] = recommendations.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["directives"] = directives.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["reported_figures"] = figures.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                ResourceType,
                request.Name);
        }

        db.Engagements.Remove(entity);
        await Rows.SaveAsync(request.Name, cancellationToken);
        return new Empty();
    }

    // Read apart so the create's own null check of the engagement stays what the compiler sees.
    private static string? ProvinceOf(CreateEngagementRequest request) => request.Engagement?.Province;

    private async Task ValidateAsync(Engagement? engagement, string? checkId, CancellationToken cancellationToken)
    {
        if (engagement is null)
        {
            throw RequestCheck.Missing("engagement");
        }

        var check = new RequestCheck(provinces);
        RequestCheck.OptionalResourceId(check.Fields, checkId, "engagement_id");

        check.Fields.Check(engagement.Kind != EngagementKind.Unspecified, "engagement.kind", "is required");
        var dateValid = check.Date(engagement.Date, "engagement.date");
        var date = PartialDate.FromProto(engagement.Date);
        if (date is null)
        {
            check.Fields.Add("engagement.date", "is required");
        }

        // The code must be the one in use on the meeting date (a 2023 meeting in Quảng Trị is provinces/45).
        check.Province(engagement.Province, "engagement.province", dateValid ? date?.ToSortable() : null);

        var officials = new List<(string Id, string Field)>();
        if (check.OptionalId(OfficialMapping.NamePattern, engagement.Chair, "engagement.chair") is { } chairId)
        {
            officials.Add((chairId, "engagement.chair"));
        }

        for (var i = 0; i < engagement.Participants.Count; i++)
        {
            var participant = engagement.Participants[i];
            var field = $"engagement.participants[{i}]";
            if (check.OptionalId(OfficialMapping.NamePattern, participant.Official, $"{field}.official") is { } officialId)
            {
                officials.Add((officialId, $"{field}.official"));
            }
            else if (string.IsNullOrWhiteSpace(participant.Official) && string.IsNullOrWhiteSpace(participant.DisplayName))
            {
                check.Fields.Add($"{field}.display_name", "is required when official is empty");
            }
        }

        check.Period(engagement.PeriodReviewed, "engagement.period_reviewed");
        if (engagement.Source is null)
        {
            check.Fields.Add("engagement.source", "is required");
        }
        else
        {
            check.Fields.Required(engagement.Source.DocumentId, "engagement.source.document_id");
            check.Date(engagement.Source.PublishDate, "engagement.source.publish_date");
        }

        await check.OfficialsExistAsync(db, officials, cancellationToken);
        check.ThrowIfInvalid("The engagement has invalid fields.");
    }

    private static void Merge(Engagement input, Engagement target, IReadOnlySet<string> paths)
    {
        foreach (var path in paths)
        {
            switch (path)
            {
                case "title": target.Title = input.Title; break;
                case "chair": target.Chair = input.Chair; break;
                case "participants":
                    target.Participants.Clear();
                    target.Participants.AddRange(input.Participants);
                    break;
                case "period_reviewed": target.PeriodReviewed = input.PeriodReviewed; break;
                case "source": target.Source = input.Source; break;
                case "summary": target.Summary = input.Summary; break;
                case "kind": target.Kind = input.Kind; break;
                case "date": target.Date = input.Date; break;
                case "province": target.Province = input.Province; break;
                default: throw new InvalidOperationException($"Update path '{path}' has no merge rule.");
            }
        }
    }
}
