using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Domain.Common;
using Proto = Khcn.Provinces.V1;
using Engagement = Khcn.Provinces.Domain.Engagements.Engagement;
using Entity = Khcn.Provinces.Domain.Recommendations.Recommendation;

namespace Khcn.Provinces.Application.Recommendations;

/// <summary>Recommendation entity ⇄ contract message. Pure, shared with the seed loader.</summary>
public static class RecommendationMapping
{
    public static readonly ResourceNamePattern Names = new("recommendations/{recommendation}");

    /// <summary>
    /// A new recommendation in RAISED (version 1, history opened by its engagement or province) from the
    /// client-settable fields of <paramref name="recommendation"/>, raised when and by the document of
    /// <paramref name="engagement"/> (see <see cref="EngagementMapping.OccasionOf"/>); state and history in the
    /// message are ignored.
    /// </summary>
    public static Entity ToEntity(Proto.Recommendation recommendation, string id, Engagement? engagement, DateTime recordTime)
    {
        var (raiseTime, documentReference) = EngagementMapping.OccasionOf(engagement, recordTime);
        return Entity.Raise(
            id,
            ProvinceDirectory.NamePattern.Parse(recommendation.Province, "recommendation.province"),
            string.IsNullOrEmpty(recommendation.Engagement)
                ? null
                : EngagementMapping.Names.Parse(recommendation.Engagement, "recommendation.engagement"),
            recommendation.Addressee,
            Nfc.Of(recommendation.Topic),
            Nfc.Of(recommendation.Summary),
            raiseTime,
            recordTime,
            Nfc.Of(documentReference));
    }

    public static Proto.Recommendation ToProto(Entity entity)
    {
        var recommendation = new Proto.Recommendation
        {
            Name = Names.Format(entity.Id),
            Province = ProvinceDirectory.NamePattern.Format(entity.ProvinceCode),
            Engagement = entity.EngagementId is null ? "" : EngagementMapping.Names.Format(entity.EngagementId),
            Addressee = entity.Addressee,
            Topic = entity.Topic,
            Summary = entity.Summary,
            State = entity.State,
            Assignee = entity.Assignee,
            Resolution = entity.Resolution,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
            RaiseTime = ProtoConvert.ToTimestamp(entity.RaiseTime),
        };
        recommendation.History.AddRange(entity.History.Select(ToProto));
        return recommendation;
    }

    private static Proto.Recommendation.Types.StateChange ToProto(StateChange change) => new()
    {
        State = (Proto.Recommendation.Types.State)change.State,
        Actor = change.Actor,
        EventTime = ProtoConvert.ToTimestamp(change.EventTime),
        Reason = change.Reason,
        DocumentReference = change.DocumentReference,
        RecordTime = ProtoConvert.ToTimestamp(change.RecordTime),
    };
}
