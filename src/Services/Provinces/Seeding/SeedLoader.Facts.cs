using Khcn.Provinces.Application.Directives;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Figures;
using Khcn.Provinces.Application.Recommendations;
using Khcn.Provinces.V1;
using Microsoft.EntityFrameworkCore;
using EngagementEntity = Khcn.Provinces.Domain.Engagements.Engagement;

namespace Khcn.Provinces.Seeding;

public sealed partial class SeedLoader
{
    /// <summary>
    /// Engagements, recommendations, directives and reported figures, in that order: the later ones name an
    /// engagement, whose date and source document give them their real-world time and document reference,
    /// exactly as the Create methods do. The engagements are read once, after their own file went in.
    /// </summary>
    private async Task LoadOtherFactsAsync(string folder, CancellationToken cancellationToken)
    {
        await LoadFileAsync<Engagement>(folder, "engagements.json", "engagements", InsertEngagementsAsync, cancellationToken);
        var engagements = await db.Engagements.AsNoTracking().ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
        await LoadFileAsync<Recommendation>(
            folder, "recommendations.json", "recommendations", (m, ct) => InsertRecommendationsAsync(m, engagements, ct), cancellationToken);
        await LoadFileAsync<Directive>(
            folder, "directives.json", "directives", (m, ct) => InsertDirectivesAsync(m, engagements, ct), cancellationToken);
        await LoadFileAsync<ReportedFigure>(folder, "reported_figures.json", "reportedFigures", InsertReportedFiguresAsync, cancellationToken);
    }

    private async Task<int> InsertEngagementsAsync(IReadOnlyList<Engagement> messages, CancellationToken cancellationToken)
    {
        var stored = await db.Engagements.Select(e => e.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages,
            stored,
            message => EngagementMapping.Names.Parse(message.Name, "engagement.name"),
            (message, id) => EngagementMapping.ToEntity(message, id, now));
    }

    private async Task<int> InsertRecommendationsAsync(
        IReadOnlyList<Recommendation> messages, Dictionary<string, EngagementEntity> engagements, CancellationToken cancellationToken)
    {
        var stored = await db.Recommendations.Select(r => r.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages,
            stored,
            message => RecommendationMapping.Names.Parse(message.Name, "recommendation.name"),
            (message, id) => RecommendationMapping.ToEntity(message, id, EngagementOf(message.Engagement, engagements), now));
    }

    private async Task<int> InsertDirectivesAsync(
        IReadOnlyList<Directive> messages, Dictionary<string, EngagementEntity> engagements, CancellationToken cancellationToken)
    {
        var stored = await db.Directives.Select(d => d.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages,
            stored,
            message => DirectiveMapping.Names.Parse(message.Name, "directive.name"),
            (message, id) => DirectiveMapping.ToEntity(message, id, EngagementOf(message.Engagement, engagements), now));
    }

    private async Task<int> InsertReportedFiguresAsync(IReadOnlyList<ReportedFigure> messages, CancellationToken cancellationToken)
    {
        var stored = await db.ReportedFigures.Select(f => f.Id).ToListAsync(cancellationToken);
        var now = clock.UtcNow();
        return AddMissing(
            messages,
            stored,
            message => ReportedFigureMapping.Names.Parse(message.Name, "reported_figure.name"),
            (message, id) => ReportedFigureMapping.ToEntity(message, id, now));
    }

    private static EngagementEntity? EngagementOf(string engagementName, Dictionary<string, EngagementEntity> engagements) =>
        EngagementMapping.Names.TryParse(engagementName, out var ids) && engagements.TryGetValue(ids[0], out var engagement)
            ? engagement
            : null;
}
