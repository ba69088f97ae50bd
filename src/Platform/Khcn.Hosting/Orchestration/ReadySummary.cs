using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Logging;
using Khcn.Hosting.Security;

namespace Khcn.Hosting.Orchestration;

/// <summary>
/// The console's answer to "is it up, and where?": every resource with its state, endpoint and process id, and a
/// ready-to-paste command that calls a service. The test of the AppHost parses these lines; keep their shape.
/// </summary>
internal static class ReadySummary
{
    public static void Write(ResourceLog log, IEnumerable<ResourceSupervisor> supervisors, TimeSpan elapsed, AppHostOptions options, string logDirectory, Uri? dashboard = null)
    {
        var rows = supervisors.Select(s => new[]
        {
            s.Resource.Name,
            s.State == ResourceState.FallBack ? "fallback" : "healthy",
            Endpoint(s.Resource),
            s.Runner.Process?.Id.ToString(CultureInfo.InvariantCulture) ?? "-",
        }).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all {rows.Count} resources healthy in {elapsed.TotalSeconds:0.0} s"));
        var header = new[] { "resource", "state", "endpoint", "pid" };
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Append(header).Max(r => r[i].Length)).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            log.WriteLine("  " + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        if (ExampleCall(supervisors, options) is { } command)
        {
            log.WriteLine($"try: {command}");
        }

        if (dashboard is not null)
        {
            log.WriteLine($"dashboard: {dashboard}");
        }

        log.WriteLine($"logs: {logDirectory}");
        log.WriteLine("Ctrl+C stops everything");
    }

    private static string Endpoint(IResource resource) => resource switch
    {
        _ when resource.HasFallenBack() => "-",
        PostgresDatabaseResource database => $"{Endpoint(database.Parent)}/{database.DatabaseName}",
        _ => resource.Endpoints().FirstOrDefault()?.AllocatedEndpoint?.Url ?? "-",
    };

    // scripts/grpc-call.py speaks gRPC through server reflection with Debian's python3-grpcio: nothing to generate.
    private static string? ExampleCall(IEnumerable<ResourceSupervisor> supervisors, AppHostOptions options)
    {
        var target = supervisors
            .Select(s => (s.Resource, Call: s.Resource.Annotations.OfType<ExampleCallAnnotation>().FirstOrDefault()))
            .FirstOrDefault(t => t.Call is not null && t.Resource is ProjectResource);
        if (target.Call is null || options.RepositoryRoot is null)
        {
            return null;
        }

        var project = (ProjectResource)target.Resource;
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var script = Path.Combine(options.RepositoryRoot, "scripts", "grpc-call.py");
        var extra = project.Annotations.OfType<ExampleCallArgumentsAnnotation>().SelectMany(a => a.Arguments()).Select(a => " " + a);
        return $"{python} {script}{string.Concat(extra)} {project.HttpEndpoint.Allocated.HostAndPort} {target.Call.Method} '{target.Call.JsonRequest}'";
    }
}
