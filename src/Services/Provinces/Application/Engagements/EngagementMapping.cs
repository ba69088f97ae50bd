using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Domain.Engagements;
using Proto = Khcn.Provinces.V1;

namespace Khcn.Provinces.Application.Engagements;

/// <summary>
/// Engagement entity ⇄ contract message. Pure: no request context, so the seed loader builds rows the same
/// way the API does. Names are parsed strictly (a malformed one throws INVALID_ARGUMENT on the field);
/// whether the referenced records exist is the caller's check.
/// </summary>
public static class EngagementMapping
{
    public static readonly ResourceNamePattern Names = new("engagements/{engagement}");

    /// <summary>A new row (version 1) from <paramref name="engagement"/>; text NFC-normalised.</summary>
    public static Engagement ToEntity(Proto.Engagement engagement, string id, DateTime recordTime)
    {
        var entity = new Engagement
        {
            Id = id,
            ProvinceCode = ProvinceDirectory.NamePattern.Parse(engagement.Province, "engagement.province"),
            Source = SourceMapping.ToDocument(engagement.Source),
            Version = 1,
            CreateTime = recordTime,
            UpdateTime = recordTime,
        };
        CopyFields(engagement, entity);
        return entity;
    }

    /// <summary>Copies every client-settable field of <paramref name="engagement"/> onto <paramref name="entity"/>.</summary>
    public static void CopyFields(Proto.Engagement engagement, Engagement entity)
    {
        entity.ProvinceCode = ProvinceDirectory.NamePattern.Parse(engagement.Province, "engagement.province");
        entity.Kind = engagement.Kind;
        entity.Date = ProtoConvert.ToSortable(engagement.Date);
        entity.Title = Nfc.Of(engagement.Title);
        entity.ChairId = string.IsNullOrEmpty(engagement.Chair)
            ? null
            : OfficialMapping.NamePattern.Parse(engagement.Chair, "engagement.chair");
        entity.Participants = [.. engagement.Participants.Select((p, i) => ToParticipant(p, $"engagement.participants[{i}].official"))];
        entity.PeriodStart = ProtoConvert.ToSortable(engagement.PeriodReviewed?.StartDate);
        entity.PeriodEnd = ProtoConvert.ToSortable(engagement.PeriodReviewed?.EndDate);
        entity.Source = SourceMapping.ToDocument(engagement.Source);
        entity.Summary = Nfc.Of(engagement.Summary);
    }

    /// <summary>
    /// When and by which document something raised or issued at <paramref name="engagement"/> happened in the real
    /// world: midnight of the meeting date in Viet Nam (<paramref name="recordTime"/> when the date or the engagement
    /// is unknown) and the meeting's source document ("" without an engagement).
    /// </summary>
    public static (DateTime EventTime, string DocumentReference) OccasionOf(Engagement? engagement, DateTime recordTime) =>
        (engagement is null || engagement.Date == 0 ? recordTime : ProtoConvert.ToUtcMidnightInVietnam(engagement.Date),
            engagement?.Source.DocumentId ?? "");

    public static Proto.Engagement ToProto(Engagement entity)
    {
        var engagement = new Proto.Engagement
        {
            Name = Names.Format(entity.Id),
            Province = ProvinceDirectory.NamePattern.Format(entity.ProvinceCode),
            Kind = entity.Kind,
            Title = entity.Title,
            Chair = entity.ChairId is null ? "" : OfficialMapping.NamePattern.Format(entity.ChairId),
            Source = SourceMapping.ToProto(entity.Source),
            Summary = entity.Summary,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
        };
        if (ProtoConvert.ToDate(entity.Date) is { } date)
        {
            engagement.Date = date;
        }

        if (SourceMapping.ToDateRange(entity.PeriodStart, entity.PeriodEnd) is { } period)
        {
            engagement.PeriodReviewed = period;
        }

        engagement.Participants.AddRange(entity.Participants.Select(p => new Proto.Participant
        {
            Official = p.OfficialId is null ? "" : OfficialMapping.NamePattern.Format(p.OfficialId),
            DisplayName = p.DisplayName,
            Capacity = p.Capacity,
        }));
        return engagement;
    }

    private static Participant ToParticipant(Proto.Participant participant, string officialField) =>
        new(
            string.IsNullOrEmpty(participant.Official) ? null : OfficialMapping.NamePattern.Parse(participant.Official, officialField),
            Nfc.Of(participant.DisplayName),
            Nfc.Of(participant.Capacity));
}
