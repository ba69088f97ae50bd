using Khcn.Aip;
using Khcn.Data;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Data;
using MetricKey = Khcn.Provinces.Domain.Figures.MetricKey;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using Entity = Khcn.Provinces.Domain.Figures.ReportedFigure;

namespace Khcn.Provinces.Application.Figures;

/// <summary>
/// Use cases of the ReportedFigure resource: figures are recorded as their sources state them and never
/// changed, so disagreeing reports stay side by side (each naming the others in conflicting_figures).
/// </summary>
public sealed class ReportedFigureService(
    ProvincesDbContext db, ResourceWrites writes, RecordClock clock, ProvinceDirectory provinces, ProvinceRecordWriteAccess access)
{
    public const string ResourceType = "khcn.provinces.v1.ReportedFigure";

    private const string CreateScope = "khcn.provinces.v1.ProvincesService/CreateReportedFigure";

    // The documented default is "metric, create_time"; province and period are slotted in between so that
    // reports of the same thing (and so any disagreement) always land next to each other.
    private const string DefaultOrder = "metric, province, period.start_date, period.end_date, create_time";

    private static readonly OrderBySchema<Entity> OrderFields = new OrderBySchema<Entity>()
        .Field("metric", f => f.Metric)
        .Field("province", f => f.ProvinceCode)
        .Field("period.start_date", f => f.PeriodStart)
        .Field("period.end_date", f => f.PeriodEnd)
        .Field("value", f => f.Value)
        .Field("create_time", f => f.CreateTime);

    private static readonly DirectoryFilterSchema<Entity> FilterFields = new(provinces => new FilterSchema<Entity>()
        .ProvinceLineage("province", provinces, f => f.ProvinceCode)
        .String("metric", f => f.Metric)
        .Reference("engagement", EngagementMapping.Names, f => f.EngagementId)
        .String("source.document_id", f => f.Source.DocumentId));

    public async Task<ReportedFigure> GetAsync(GetReportedFigureRequest request, CancellationToken cancellationToken)
    {
        var id = ReportedFigureMapping.Names.Parse(request.Name, "name");
        var entity = await db.ReportedFigures.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw ApiException.NotFound(ResourceType, request.Name);
        var related = await RelatedAsync([entity], cancellationToken);
        return ReportedFigureMapping.ToProto(entity, related);
    }

    public async Task<ListReportedFiguresResponse> ListAsync(ListReportedFiguresRequest request, CancellationToken cancellationToken)
    {
        var page = await db.ReportedFigures.AsNoTracking().KeysetPageAsync(
            new ListRequest(request.PageSize, request.PageToken, request.Filter, request.OrderBy),
            FilterFields.For(provinces),
            OrderFields,
            DefaultOrder,
            f => f.Id,
            cancellationToken);
        var related = await RelatedAsync(page.Items, cancellationToken);
        var response = new ListReportedFiguresResponse { TotalSize = page.TotalSize, NextPageToken = page.NextPageToken };
        response.ReportedFigures.AddRange(page.Items.Select(f => ReportedFigureMapping.ToProto(f, related)));
        return response;
    }

    public async Task<ReportedFigure> CreateAsync(CreateReportedFigureRequest request, CancellationToken cancellationToken)
    {
        await access.DemandReferenceAsync(ResourceType, request.ReportedFigure?.Province, cancellationToken);
        var figure = await writes.CreateOnceAsync(CreateScope, request.RequestId, ReportedFigure.Parser, async () =>
        {
            var input = request.ReportedFigure ?? throw RequestCheck.Missing("reported_figure");
            await ValidateAsync(input, request.ReportedFigureId, cancellationToken);

            var id = string.IsNullOrEmpty(request.ReportedFigureId) ? ResourceIds.New() : request.ReportedFigureId;
            var name = ReportedFigureMapping.Names.Format(id);
            if (await db.ReportedFigures.AnyAsync(f => f.Id == id, cancellationToken))
            {
                throw ApiException.AlreadyExists(ResourceType, name);
            }

            var entity = ReportedFigureMapping.ToEntity(input, id, clock.UtcNow());
            var related = await RelatedAsync([entity], cancellationToken);
            db.ReportedFigures.Add(entity);
            return (ReportedFigureMapping.ToProto(entity, related), ResourceType, name);
        }, cancellationToken);

        // A replay answers what the first request created, which another request's body may have put elsewhere.
        await access.DemandReferenceAsync(figure.Name, figure.Province, cancellationToken);
        return figure;
    }

    /// <summary>Every stored report that could disagree with one of <paramref name="figures"/> (same province and metric).</summary>
    private async Task<List<Entity>> RelatedAsync(IReadOnlyCollection<Entity> figures, CancellationToken cancellationToken)
    {
        if (figures.Count == 0)
        {
            return [];
        }

        var codes = figures.Select(f => f.ProvinceCode).Distinct(StringComparer.Ordinal).ToArray();
        var metrics = figures.Select(f => f.Metric).Distinct(StringComparer.Ordinal).ToArray();
        return await db.ReportedFigures.AsNoTracking()
            .Where(f => codes.Contains(f.ProvinceCode) && metrics.Contains(f.Metric))
            .ToListAsync(cancellationToken);
    }

    private async Task ValidateAsync(ReportedFigure figure, string? figureId, CancellationToken cancellationToken)
    {
        var check = new RequestCheck(provinces);
        RequestCheck.OptionalResourceId(check.Fields, figureId, "reported_figure_id");
        if (string.IsNullOrEmpty(figure.Metric))
        {
            check.Fields.Add("reported_figure.metric", "is required");
        }
        else
        {
            check.Fields.Check(MetricKey.IsValid(figure.Metric), "reported_figure.metric",
                $"must be snake_case: a lower-case letter, then lower-case letters, digits or '_' (at most {MetricKey.MaxLength})");
        }

        check.Fields.Check(double.IsFinite(figure.Value), "reported_figure.value", "must be a finite number");
        var before = check.Fields.Violations.Count;
        check.Period(figure.Period, "reported_figure.period");
        var periodValid = check.Fields.Violations.Count == before;

        // The code must be the one in use at the end of the reported period (its start when open-ended).
        var periodEnd = ProtoConvert.ToSortable(figure.Period?.EndDate);
        var periodStart = ProtoConvert.ToSortable(figure.Period?.StartDate);
        var codedOn = !periodValid ? 0 : periodEnd != 0 ? periodEnd : periodStart;
        var provinceCode = check.Province(figure.Province, "reported_figure.province", codedOn == 0 ? null : codedOn);

        var engagement = await check.EngagementAsync(db, figure.Engagement, "reported_figure.engagement", cancellationToken);
        check.SameProvinceAs(engagement, provinceCode, "reported_figure.province");

        if (figure.Source is null)
        {
            check.Fields.Add("reported_figure.source", "is required");
        }
        else
        {
            check.Fields.Required(figure.Source.DocumentId, "reported_figure.source.document_id");
            check.Date(figure.Source.PublishDate, "reported_figure.source.publish_date");
        }

        check.ThrowIfInvalid("The reported figure has invalid fields.");
    }
}
