using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Security;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class DevelopmentSecurityExtensions
{
    /// <summary>The configuration key that turns the secure mode on (<c>--AppHost:Security:Enabled=true</c>).</summary>
    public const string EnabledSetting = "AppHost:Security:Enabled";

    /// <summary>The command-line switch that turns it on (<c>--secure</c>).</summary>
    public const string Switch = "secure";

    /// <summary>
    /// With <c>--secure</c> (or <c>AppHost:Security:Enabled</c>), every project added so far runs as in production:
    /// gRPC over TLS (its endpoint becomes https) with a certificate from a development CA, bearer tokens required,
    /// calls between services over TLS with the service's own token where no caller's applies. Everything is generated
    /// into the run directory's <c>pki</c> folder, with a developer token (<c>developer.token</c>) the summary's
    /// "try:" line uses. Call it after the last <c>AddProject</c>. Off: nothing changes.
    /// </summary>
    public static IDistributedApplicationBuilder AddDevelopmentSecurity(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue<bool>(Switch) && !builder.Configuration.GetValue<bool>(EnabledSetting))
        {
            return builder;
        }

        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        var security = new DevelopmentSecurity([.. projects.Select(p => p.Name)], TimeProvider.System);
        foreach (var project in projects)
        {
            var port = project.HttpEndpoint.Annotation.Port;
            builder.CreateResourceBuilder(project)
                .WithEndpoint(ProjectResource.HttpEndpointName, "https", port)
                .WithEnvironment(context => security.Apply(project.Name, context))
                .WithAnnotation(new ExampleCallArgumentsAnnotation(() => security.Files is { } files
                    ? ["--cacert", files.AuthorityPath, "--token-file", files.DeveloperTokenPath]
                    : []));
        }

        return builder;
    }
}
