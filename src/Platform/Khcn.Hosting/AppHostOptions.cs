using Khcn.Hosting.Dashboard;
using Khcn.Hosting.Orchestration;
using Microsoft.Extensions.Configuration;

namespace Khcn.Hosting;

/// <summary>
/// How the AppHost runs, from the <c>AppHost</c> configuration section (<c>--AppHost:HealthTimeout=00:02:00</c> or
/// <c>AppHost__HealthTimeout</c>).
/// </summary>
internal sealed record AppHostOptions
{
    /// <summary>Where run directories go (default <c>&lt;AppHost project&gt;/.runs</c>).</summary>
    public required string RunsRoot { get; init; }

    /// <summary>How many run directories to keep.</summary>
    public int KeepRuns { get; init; } = 10;

    /// <summary>How long a resource may take from start to healthy before the AppHost gives up on it.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Time between health checks while a resource starts.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a resource may take to stop after its signal before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delays before restarting a crashed resource.</summary>
    public RestartPolicy Restart { get; init; } = RestartPolicy.Default;

    /// <summary>Colour the console prefixes (off when output is redirected or NO_COLOR is set).</summary>
    public bool Color { get; init; }

    /// <summary>The repository root (the folder above the AppHost holding Khcn.sln), for the ready-to-paste command.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>The dashboard's ports; null runs without it (<c>AppHost:Dashboard:Enabled=false</c>, and the tests of the orchestrator).</summary>
    public DashboardSettings? Dashboard { get; init; }

    public static AppHostOptions From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection("AppHost");
        var defaults = new AppHostOptions { RunsRoot = Path.Combine(appHostDirectory, ".runs") };
        return defaults with
        {
            RunsRoot = section["RunsRoot"] is { Length: > 0 } runs ? Path.GetFullPath(runs) : defaults.RunsRoot,
            KeepRuns = section.GetValue("KeepRuns", defaults.KeepRuns),
            HealthTimeout = section.GetValue("HealthTimeout", defaults.HealthTimeout),
            StopTimeout = section.GetValue("StopTimeout", defaults.StopTimeout),
            Color = !Console.IsOutputRedirected && string.IsNullOrEmpty(configuration["NO_COLOR"]),
            RepositoryRoot = FindRepositoryRoot(appHostDirectory),
            Dashboard = DashboardFrom(section.GetSection("Dashboard")),
        };
    }

    private static DashboardSettings? DashboardFrom(IConfigurationSection section) =>
        section.GetValue("Enabled", true)
            ? new DashboardSettings(
                section.GetValue("Port", DashboardSettings.DefaultPort),
                section.GetValue("OtlpGrpcPort", DashboardSettings.DefaultOtlpGrpcPort))
            : null;

    private static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Khcn.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
