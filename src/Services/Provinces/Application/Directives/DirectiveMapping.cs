using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Domain.Common;
using Proto = Khcn.Provinces.V1;
using Engagement = Khcn.Provinces.Domain.Engagements.Engagement;
using Entity = Khcn.Provinces.Domain.Directives.Directive;

namespace Khcn.Provinces.Application.Directives;

/// <summary>Directive entity ⇄ contract message. Pure, shared with the seed loader.</summary>
public static class DirectiveMapping
{
    public static readonly ResourceNamePattern Names = new("directives/{directive}");

    /// <summary>
    /// A new directive in ISSUED (version 1, history opened by the issuing official) from the client-settable
    /// fields of <paramref name="directive"/>, issued when and by the document of <paramref name="engagement"/>
    /// (see <see cref="EngagementMapping.OccasionOf"/>); state and history in the message are ignored.
    /// </summary>
    public static Entity ToEntity(Proto.Directive directive, string id, Engagement? engagement, DateTime recordTime)
    {
        var (issueTime, documentReference) = EngagementMapping.OccasionOf(engagement, recordTime);
        return Entity.Issue(
            id,
            ProvinceDirectory.NamePattern.Parse(directive.Province, "directive.province"),
            string.IsNullOrEmpty(directive.Engagement)
                ? null
                : EngagementMapping.Names.Parse(directive.Engagement, "directive.engagement"),
            OfficialMapping.NamePattern.Parse(directive.IssuedBy, "directive.issued_by"),
            directive.Addressees.Select(Nfc.Of),
            Nfc.Of(directive.Topic),
            Nfc.Of(directive.Summary),
            ProtoConvert.ToSortable(directive.DueDate),
            issueTime,
            recordTime,
            Nfc.Of(documentReference));
    }

    public static Proto.Directive ToProto(Entity entity)
    {
        var directive = new Proto.Directive
        {
            Name = Names.Format(entity.Id),
            Province = ProvinceDirectory.NamePattern.Format(entity.ProvinceCode),
            Engagement = entity.EngagementId is null ? "" : EngagementMapping.Names.Format(entity.EngagementId),
            IssuedBy = OfficialMapping.NamePattern.Format(entity.IssuedById),
            Topic = entity.Topic,
            Summary = entity.Summary,
            State = entity.State,
            Etag = Etags.For(entity.Version),
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
            UpdateTime = ProtoConvert.ToTimestamp(entity.UpdateTime),
            IssueTime = ProtoConvert.ToTimestamp(entity.IssueTime),
        };
        if (ProtoConvert.ToDate(entity.DueDate) is { } dueDate)
        {
            directive.DueDate = dueDate;
        }

        directive.Addressees.AddRange(entity.Addressees);
        directive.History.AddRange(entity.History.Select(ToProto));
        return directive;
    }

    private static Proto.Directive.Types.StateChange ToProto(StateChange change) => new()
    {
        State = (Proto.Directive.Types.State)change.State,
        Actor = change.Actor,
        EventTime = ProtoConvert.ToTimestamp(change.EventTime),
        Reason = change.Reason,
        DocumentReference = change.DocumentReference,
        RecordTime = ProtoConvert.ToTimestamp(change.RecordTime),
    };
}
