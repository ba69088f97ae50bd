using Grpc.Net.ClientFactory;
using Khcn.Aip;
using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Departments;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Figures;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Application.Recommendations;
using Khcn.Provinces.V1;
using Khcn.Tasks.V1;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Provinces.Overview;

/// <summary>
/// GetProvinceOverview: one screen about a province and its whole merger lineage. The records held here come from the
/// other use cases (their filters expand the lineage); the counts come from the Tasks and IntellectualProperty services,
/// asked in parallel under a deadline. A service that fails leaves its part empty and listed in missing_parts, so the
/// overview is always returned.
/// </summary>
public sealed partial class ProvinceOverviewService(
    ProvinceQueries provinces,
    DepartmentService departments,
    EngagementService engagements,
    RecommendationService recommendations,
    ReportedFigureService figures,
    GrpcClientFactory clients,
    IOptions<OverviewOptions> options,
    TimeProvider time,
    RecordClock clock,
    ILogger<ProvinceOverviewService> logger)
{
    private static readonly ResourceNamePattern OverviewName = new("provinces/{province}/overview");

    // Enough for any province's open backlog; an overview is a screen, not an export.
    private const int MaxOpenRecommendations = 200;
    private const int MaxReportedFigures = 500;

    public async Task<ProvinceOverview> GetAsync(GetProvinceOverviewRequest request, CancellationToken cancellationToken)
    {
        var code = OverviewName.Parse(request.Name, "name");
        var provinceName = ProvinceDirectory.NamePattern.Format(code);

        // An unknown province fails the call (NOT_FOUND) before anyone else is asked.
        var province = await provinces.GetAsync(new GetProvinceRequest { Name = provinceName }, cancellationToken);

        // The other services work while the local parts are read (one DbContext: those go one at a time).
        var dependencies = new DependencyCall(clients, time, options.Value.DependencyDeadline);
        var taskCounts = dependencies.InvokeAsync<TasksService.TasksServiceClient, SummarizeTasksResponse>(
            OverviewDependency.TaskCounts,
            (client, call) => client.SummarizeTasksAsync(
                new SummarizeTasksRequest
                {
                    ProvinceCodes = { code },
                    GroupBy = { SummarizeTasksRequest.Types.Dimension.Level, SummarizeTasksRequest.Types.Dimension.State },
                },
                call),
            cancellationToken);
        var assetCounts = dependencies.InvokeAsync<IntellectualPropertyService.IntellectualPropertyServiceClient, SummarizeAssetsResponse>(
            OverviewDependency.AssetCounts,
            (client, call) => client.SummarizeAssetsAsync(
                new SummarizeAssetsRequest
                {
                    ProvinceCodes = { code },
                    GroupBy = { SummarizeAssetsRequest.Types.Dimension.Kind, SummarizeAssetsRequest.Types.Dimension.State },
                },
                call),
            cancellationToken);

        var overview = new ProvinceOverview { Name = OverviewName.Format(code), Province = province };
        try
        {
            overview.Department = await FindDepartmentAsync(provinceName, cancellationToken);
            overview.LatestEngagement = await FindLatestEngagementAsync(provinceName, cancellationToken);
            overview.OpenRecommendations.AddRange(await ListOpenRecommendationsAsync(provinceName, cancellationToken));
            overview.ReportedFigures.AddRange(await ListReportedFiguresAsync(provinceName, cancellationToken));
        }
        finally
        {
            // Never leave the calls running unobserved when a local part fails.
            await Task.WhenAll(taskCounts, assetCounts);
        }

        AddCounts(overview, provinceName, await taskCounts, response => overview.TaskCounts.AddRange(CountMapping.ToTaskCounts(response)));
        AddCounts(overview, provinceName, await assetCounts, response => overview.AssetCounts.AddRange(CountMapping.ToAssetCounts(response)));
        overview.ComputeTime = ProtoConvert.ToTimestamp(clock.UtcNow());
        return overview;
    }

    private void AddCounts<TResponse>(ProvinceOverview overview, string provinceName, DependencyOutcome<TResponse> outcome, Action<TResponse> fill)
        where TResponse : class
    {
        if (outcome.Value is { } response)
        {
            fill(response);
            return;
        }

        var missing = outcome.Missing!;
        LogMissingPart(provinceName, missing.Part, missing.Service, missing.StatusCode, missing.Message);
        overview.MissingParts.Add(missing);
    }

    private async Task<Department?> FindDepartmentAsync(string provinceName, CancellationToken cancellationToken)
    {
        try
        {
            return await departments.GetAsync(new GetDepartmentRequest { Name = $"{provinceName}/department" }, cancellationToken);
        }
        catch (ApiException notFound) when (notFound.Code == ApiErrorCode.NotFound)
        {
            // Not every unit has a department on record; the overview simply has none to show.
            return null;
        }
    }

    private async Task<Engagement?> FindLatestEngagementAsync(string provinceName, CancellationToken cancellationToken)
    {
        var page = await engagements.ListAsync(
            new ListEngagementsRequest { Filter = ProvinceFilter(provinceName), OrderBy = "date desc", PageSize = 1 },
            cancellationToken);
        return page.Engagements.FirstOrDefault();
    }

    // One page holds the whole part: the page size is the cap, so a longer list is simply cut there.
    private async Task<IEnumerable<Recommendation>> ListOpenRecommendationsAsync(string provinceName, CancellationToken cancellationToken)
    {
        var page = await recommendations.ListAsync(
            new ListRecommendationsRequest
            {
                Filter = $"{ProvinceFilter(provinceName)} AND open = true",
                OrderBy = "raise_time",
                PageSize = MaxOpenRecommendations,
            },
            cancellationToken);
        return page.Recommendations;
    }

    private async Task<IEnumerable<ReportedFigure>> ListReportedFiguresAsync(string provinceName, CancellationToken cancellationToken)
    {
        var page = await figures.ListAsync(
            new ListReportedFiguresRequest { Filter = ProvinceFilter(provinceName), PageSize = MaxReportedFigures },
            cancellationToken);
        return page.ReportedFigures;
    }

    // The province filters of the other lists expand the merger lineage, so "provinces/44" also finds records under 45.
    private static string ProvinceFilter(string provinceName) => $"province = \"{provinceName}\"";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Overview of {Province} is missing {Part}: {Service} answered {StatusCode}: {Detail}")]
    private partial void LogMissingPart(string province, string part, string service, string statusCode, string detail);
}
