using Khcn.IntellectualProperty.Application.Access;
using Khcn.IntellectualProperty.Application.Assets;
using Khcn.IntellectualProperty.Application.Expiring;
using Khcn.IntellectualProperty.Application.History;
using Khcn.IntellectualProperty.Application.Lifecycle;
using Khcn.IntellectualProperty.Application.Origins;
using Khcn.IntellectualProperty.Application.Summary;
using Khcn.IntellectualProperty.Seeding;
using Khcn.ProvinceReference;
using Khcn.Security;
using Khcn.Tasks.V1;

namespace Khcn.IntellectualProperty;

/// <summary>Registers the service's use cases and its clients of the Provinces and Tasks services.</summary>
public static class IntellectualPropertyApplicationExtensions
{
    public static IHostApplicationBuilder AddIntellectualPropertyApplication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Province codes are checked against the Provinces service (address from services:provinces:http:0), cached.
        builder.AddProvinceReference();
        // Origin tasks are checked against the Tasks service (address from services:tasks:http:0).
        builder.AddServiceClient<TasksService.TasksServiceClient>(TasksServiceOriginTaskDirectory.ClientName, TasksService.Descriptor);
        services.Configure<OriginTaskOptions>(builder.Configuration.GetSection(OriginTaskOptions.SectionName));
        services.AddSingleton<IOriginTaskDirectory, TasksServiceOriginTaskDirectory>();

        // Writes are limited to the caller's provinces (with merger lineage); assets of no province to the Ministry.
        services.AddProvinceWriteAccess(KhcnClaims.Services.IntellectualProperty);
        services.AddScoped<AssetWriteAccess>();

        services.AddScoped<AssetHistory>();
        services.AddScoped<AssetCreation>();
        services.AddScoped<AssetService>();
        services.AddScoped<AssetLifecycleService>();
        services.AddScoped<AssetEventService>();
        services.AddScoped<ExpiringAssetService>();
        services.AddScoped<AssetSummaryService>();

        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
        services.AddScoped<SeedLoader>();

        return builder;
    }
}
