using Khcn.Aip;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Provinces;
using Proto = Khcn.Provinces.V1;
using Entity = Khcn.Provinces.Domain.Figures.ReportedFigure;

namespace Khcn.Provinces.Application.Figures;

/// <summary>ReportedFigure entity ⇄ contract message. Pure, shared with the seed loader.</summary>
public static class ReportedFigureMapping
{
    public static readonly ResourceNamePattern Names = new("reportedFigures/{reported_figure}");

    /// <summary>The row for a figure as its source states it; text NFC-normalised.</summary>
    public static Entity ToEntity(Proto.ReportedFigure figure, string id, DateTime recordTime) => new()
    {
        Id = id,
        ProvinceCode = ProvinceDirectory.NamePattern.Parse(figure.Province, "reported_figure.province"),
        Metric = figure.Metric,
        Value = figure.Value,
        Unit = Nfc.Of(figure.Unit),
        PeriodStart = ProtoConvert.ToSortable(figure.Period?.StartDate),
        PeriodEnd = ProtoConvert.ToSortable(figure.Period?.EndDate),
        EngagementId = string.IsNullOrEmpty(figure.Engagement)
            ? null
            : EngagementMapping.Names.Parse(figure.Engagement, "reported_figure.engagement"),
        Source = SourceMapping.ToDocument(figure.Source),
        Note = Nfc.Of(figure.Note),
        CreateTime = recordTime,
    };

    /// <summary>
    /// The message for <paramref name="entity"/>, its conflicting_figures drawn from <paramref name="related"/>
    /// (any superset of the reports that disagree with it).
    /// </summary>
    public static Proto.ReportedFigure ToProto(Entity entity, IEnumerable<Entity> related)
    {
        var figure = new Proto.ReportedFigure
        {
            Name = Names.Format(entity.Id),
            Province = ProvinceDirectory.NamePattern.Format(entity.ProvinceCode),
            Metric = entity.Metric,
            Value = entity.Value,
            Unit = entity.Unit,
            Engagement = entity.EngagementId is null ? "" : EngagementMapping.Names.Format(entity.EngagementId),
            Source = SourceMapping.ToProto(entity.Source),
            Note = entity.Note,
            CreateTime = ProtoConvert.ToTimestamp(entity.CreateTime),
        };
        if (SourceMapping.ToDateRange(entity.PeriodStart, entity.PeriodEnd) is { } period)
        {
            figure.Period = period;
        }

        figure.ConflictingFigures.AddRange(related
            .Where(entity.ConflictsWith)
            .OrderBy(other => other.CreateTime)
            .ThenBy(other => other.Id, StringComparer.Ordinal)
            .Select(other => Names.Format(other.Id)));
        return figure;
    }
}
