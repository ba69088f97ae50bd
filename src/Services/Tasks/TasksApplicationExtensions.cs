using Khcn.ProvinceReference;
using Khcn.Security;
using Khcn.Tasks.Application.Access;
using Khcn.Tasks.Application.History;
using Khcn.Tasks.Application.Lifecycle;
using Khcn.Tasks.Application.Programmes;
using Khcn.Tasks.Application.Streams;
using Khcn.Tasks.Application.Summary;
using Khcn.Tasks.Application.Tasks;
using Khcn.Tasks.Seeding;

namespace Khcn.Tasks;

/// <summary>Registers the service's use cases and its client of the Provinces service.</summary>
public static class TasksApplicationExtensions
{
    public static IHostApplicationBuilder AddTasksApplication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // Province codes are checked against the Provinces service (address from services:provinces:http:0), cached.
        builder.AddProvinceReference();

        // Writes are limited to the caller's provinces (with merger lineage); national records to the Ministry.
        services.AddProvinceWriteAccess(KhcnClaims.Services.Tasks);
        services.AddScoped<TaskWriteAccess>();

        services.AddSingleton<TaskChangeSignal>();
        services.AddScoped<TaskHistory>();
        services.AddScoped<ProgrammeCreation>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<TaskCreation>();
        services.AddScoped<TaskService>();
        services.AddScoped<TaskLifecycleService>();
        services.AddScoped<TaskEventService>();
        services.AddScoped<TaskSummaryService>();
        services.AddScoped<TaskImportService>();
        services.AddScoped<TaskExportService>();
        services.AddScoped<TaskWatchService>();
        services.Configure<TaskStreamOptions>(builder.Configuration.GetSection(TaskStreamOptions.SectionName));

        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.SectionName));
        services.AddScoped<SeedLoader>();

        return builder;
    }
}
