using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Tests.AppModel;

namespace Khcn.Hosting.Tests.Health;

/// <summary>Every project gets a second, HTTP/1.1 endpoint for its health probes, handed to it as HealthChecks__Urls.</summary>
public sealed class ProjectHealthEndpointTests
{
    [Fact]
    public void Project_gets_HealthChecks_Urls_on_a_loopback_port_of_its_own()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var project = builder.AddProject<TestProject>("tasks");

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        var health = new Uri(environment["HealthChecks__Urls"]);
        Assert.Equal("http", health.Scheme);
        Assert.Equal("127.0.0.1", health.Host);
        Assert.Equal(project.Resource.HealthEndpoint.Port, health.Port);
        Assert.NotEqual(new Uri(environment["ASPNETCORE_URLS"]).Port, health.Port);
    }

    [Fact]
    public void The_service_endpoint_stays_first_so_the_console_summary_shows_it()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var project = builder.AddProject<TestProject>("tasks");

        Assert.Equal(
            [ProjectResource.HttpEndpointName, ProjectResource.HealthEndpointName],
            project.Resource.Endpoints().Select(e => e.Name));
    }
}
