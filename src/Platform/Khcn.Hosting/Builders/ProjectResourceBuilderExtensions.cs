using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>AddProject&lt;Projects.X&gt;("name")</c>: a .NET service of the stack.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// Adds the project with an <c>http</c> endpoint on a free port (<c>ASPNETCORE_URLS</c>), a <c>health</c> endpoint
    /// for its HTTP/1.1 health probes (<c>HealthChecks__Urls</c>), the development environment and the OpenTelemetry
    /// variables (<c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, and <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when the
    /// AppHost has one).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = new ProjectResource(name, new TProject());
        return builder.AddResource(project)
            .WithAnnotation(new EndpointAnnotation(ProjectResource.HttpEndpointName, "http"))
            .WithAnnotation(new EndpointAnnotation(ProjectResource.HealthEndpointName, "http"))
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["ASPNETCORE_URLS"] = project.HttpEndpoint.Url;
                // The gRPC port is HTTP/2-only on cleartext; HTTP probes need a port of their own.
                context.EnvironmentVariables["HealthChecks__Urls"] = project.HealthEndpoint.Url;
                context.EnvironmentVariables.TryAdd("ASPNETCORE_ENVIRONMENT", "Development");
                // One line per log entry, so every line on the AppHost's console carries its resource prefix.
                // (the options bind only with the formatter named).
                context.EnvironmentVariables.TryAdd("Logging__Console__FormatterName", "simple");
                context.EnvironmentVariables.TryAdd("Logging__Console__FormatterOptions__SingleLine", "true");
                context.EnvironmentVariables["OTEL_SERVICE_NAME"] = name;
                // A new instance id per (re)start, as Aspire gives each replica its own.
                context.EnvironmentVariables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid():N}";
                // An OTLP endpoint given to the AppHost (command line, environment) wins; without one the orchestrator
                // points the service at the run's dashboard, whose address is known only once the run begins.
                var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
                var otlpProtocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
                if (!string.IsNullOrEmpty(otlp))
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = string.IsNullOrEmpty(otlpProtocol) ? "grpc" : otlpProtocol;
                }
            });
    }
}
