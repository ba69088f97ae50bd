using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.Application.Common;
using Khcn.Provinces.Application.Departments;
using Khcn.Provinces.Application.Directives;
using Khcn.Provinces.Application.Engagements;
using Khcn.Provinces.Application.Figures;
using Khcn.Provinces.Application.Officials;
using Khcn.Provinces.Application.Provinces;
using Khcn.Provinces.Application.Recommendations;
using Khcn.Provinces.Overview;
using Khcn.Provinces.Seeding;
using Khcn.Tasks.V1;

namespace Khcn.Provinces;

/// <summary>Registers the service's use cases, its reference data and its clients of the other services.</summary>
public static class ProvincesApplicationExtensions
{
    public static IHostApplicationBuilder AddProvincesApplication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Provinces are reference data: held in memory once loaded, shared by every request.
        services.AddSingleton<ProvinceDirectory>();
        services.AddScoped<ProvinceQueries>();

        // Writes are limited to the caller's provinces (with merger lineage); records of no province to the Ministry.
        services.AddScoped<ProvinceRecordWriteAccess>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<OfficialService>();
        services.AddScoped<EngagementService>();
        services.AddScoped<RecommendationService>();
        services.AddScoped<DirectiveService>();
        services.AddScoped<ReportedFigureService>();

        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
        services.AddScoped<SeedLoader>();

        // The overview's counts come from the other services (addresses from services:<name>:http:0).
        builder.AddServiceClient<TasksService.TasksServiceClient>("tasks", TasksService.Descriptor);
        builder.AddServiceClient<IntellectualPropertyService.IntellectualPropertyServiceClient>("ip", IntellectualPropertyService.Descriptor);
        services.Configure<OverviewOptions>(builder.Configuration.GetSection(OverviewOptions.SectionName));
        services.AddScoped<ProvinceOverviewService>();

        return builder;
    }
}
