using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using Khcn.Provinces.Domain.Common;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using Entity = Khcn.Provinces.Domain.Recommendations.Recommendation;

namespace Khcn.Provinces.Application.Recommendations;

/// <summary>
/// Use cases of the Recommendation resource. Descriptive fields change through Update; the state changes only
/// through the lifecycle verbs, each appending who/when/why to the history.
/// </summary>
public sealed class RecommendationService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    public const string ResourceType = Domain.Recommendations.RecommendationLifecycle.ResourceType;

    private const string CreateScope = "khcn.provinces.v1.ProvincesService/CreateRecommendation";

    private static readonly UpdateMaskSchema UpdateMask = new(
        updatable: ["addressee", "topic", "summary"],
        immutable: ["name", "province", "engagement"],
        outputOnly: ["state", "assignee", "resolution", "history", "etag", "create_time", "update_time", "raise_time"]);

    private static readonly OrderBySchema<Entity> OrderFields = new OrderBySchema<Entity>()
        .Field("raise_time", r => r.RaiseTime)
        .Field("create_time", r => r.CreateTime)
        .Field("update_time", r => r.UpdateTime);

    private static readonly DirectoryFilterSchema<Entity> FilterFields = new(provinces => new FilterSchema<Entity>()
        .ProvinceLineage("province", provinces, r => r.ProvinceCode)
        .Reference("engagement", EngagementMapping.Names, r => r.EngagementId)
        .Enum("addressee", r => r.Addressee)
        .Enum("state", r => r.State)
        .Bool("open", r => r.IsOpen));

    private ResourceRows<Entity> Rows => new(db.Recommendations, RecommendationMapping.Names, ResourceType, writes);

    public async Task<Recommendation> GetAsync(GetRecommendationRequest request, CancellationToken cancellationToken) =>
        RecommendationMapping.ToProto(await Rows.GetAsync(request.Name, cancellationToken));

    public async Task<ListRecommendationsResponse> ListAsync(ListRecommendationsRequest request, CancellationToken cancellationToken)
    {
        var page = await db.Recommendations.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            FilterFields.For(provinces),
            OrderFields,
            "raise_time",
            r => r.Id,
            cancellationToken);
        var response = new ListRecommendationsResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.Recommendations.AddRange(page.Items.Select(RecommendationMapping.ToProto));
        return response;
    }

    public async Task<Recommendation> CreateAsync(CreateRecommendationRequest request, CancellationToken cancellationToken)
    {
        await access.DemandReferenceAsync(ResourceType, request.Recommendation?.Province, cancellationToken);
        var recommendation = await writes.CreateOnceAsync(CreateScope, request.RequestId, Recommendation.Parser, async () =>
        {
            var input = request.Recommendation ?? throw RequestCheck.Missing("recommendation");
            var check = new RequestCheck(provinces);
            RequestCheck.OptionalResourceId(check.Fields, request.RecommendationId, "recommendation_id");

            // Raised at the engagement (its date decides which province code was in use), else today.
            var engagement = await check.EngagementAndProvinceAsync(
                db, clock, input.Engagement, input.Province, "recommendation", cancellationToken);
            ValidateDescription(check.Fields, input);
            check.ThrowIfInvalid("The recommendation has invalid fields.");

            var (id, name) = await Rows.ClaimAsync(request.RecommendationId, cancellationToken);
            var entity = RecommendationMapping.ToEntity(input, id, engagement, clock.UtcNow());
            db.Recommendations.Add(entity);
            return (RecommendationMapping.ToProto(entity), ResourceType, name);
        }, cancellationToken);

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandReferenceAsync(recommendation.Name, recommendation.Province, cancellationToken);
        return recommendation;
    }

    public async Task<Recommendation> UpdateAsync(UpdateRecommendationRequest request, CancellationToken cancellationToken)
    {
        var input = request.Recommendation ?? throw RequestCheck.Missing("recommendation");
        var id = RecommendationMapping.Names.Parse(input.Name, "recommendation.name");
        var paths = UpdateMask.Resolve(request.UpdateMask);
        await DemandStoredAsync(input.Name, cancellationToken);
        var entity = await Rows.FindForWriteAsync(id, input.Name, input.Etag, cancellationToken);

        var merged = RecommendationMapping.ToProto(entity);
        if (paths.Contains("addressee"))
        {
            merged.Addressee = input.Addressee;
        }

        if (paths.Contains("topic"))
        {
            merged.Topic = input.Topic;
        }

        if (paths.Contains("summary"))
        {
            merged.Summary = input.Summary;
        }

        var validator = new Validator();
        ValidateDescription(validator, merged);
        validator.ThrowIfInvalid("The recommendation has invalid fields.");

        entity.Addressee = merged.Addressee;
        entity.Topic = Nfc.Of(merged.Topic);
        entity.Summary = Nfc.Of(merged.Summary);
        entity.Version++;
        entity.UpdateTime = clock.UtcNow();
        await Rows.SaveAsync(input.Name, cancellationToken);
        return RecommendationMapping.ToProto(entity);
    }

    public async Task<Empty> DeleteAsync(DeleteRecommendationRequest request, CancellationToken cancellationToken)
    {
        await DemandStoredAsync(request.Name, cancellationToken);
        await Rows.DeleteAsync(request.Name, request.Etag, cancellationToken);
        return new Empty();
    }

    /// <summary>RAISED → ASSIGNED: a unit is made responsible for answering.</summary>
    public Task<Recommendation> AssignAsync(AssignRecommendationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Assignee, "assignee"),
            (recommendation, transition) => recommendation.Assign(transition, Nfc.Of(request.Assignee)),
            cancellationToken);

    /// <summary>ASSIGNED → IN_PROGRESS.</summary>
    public Task<Recommendation> StartAsync(StartRecommendationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            _ => { },
            (recommendation, transition) => recommendation.Start(transition),
            cancellationToken);

    /// <summary>IN_PROGRESS → ANSWERED, recording the answer as the resolution.</summary>
    public Task<Recommendation> AnswerAsync(AnswerRecommendationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Answer, "answer"),
            (recommendation, transition) => recommendation.Answer(transition, Nfc.Of(request.Answer)),
            cancellationToken);

    /// <summary>Any open state → DECLINED; the reason is required and becomes the resolution.</summary>
    public Task<Recommendation> DeclineAsync(DeclineRecommendationRequest request, CancellationToken cancellationToken) =>
        MoveAsync(
            request,
            validator => validator.Required(request.Reason, "reason"),
            (recommendation, transition) => recommendation.Decline(transition),
            cancellationToken);

    private async Task<Recommendation> MoveAsync(
        ILifecycleRequest request, Action<Validator> validateVerb, Action<Entity, Transition> move, CancellationToken cancellationToken)
    {
        await DemandStoredAsync(request.Name, cancellationToken);
        return RecommendationMapping.ToProto(await Rows.MoveAsync(LifecycleVerb.Of(request), clock.UtcNow(), validateVerb, move, cancellationToken));
    }

    // A recommendation never changes province: the stored one is the one to check.
    private Task DemandStoredAsync(string? name, CancellationToken cancellationToken) =>
        access.DemandStoredAsync(db.Recommendations, RecommendationMapping.Names, name, r => r.ProvinceCode, null, cancellationToken);

    private static void ValidateDescription(Validator validator, Recommendation recommendation)
    {
        validator.Check(recommendation.Addressee != Addressee.Unspecified, "recommendation.addressee", "is required");
        validator.Required(recommendation.Topic, "recommendation.topic");
    }
}
