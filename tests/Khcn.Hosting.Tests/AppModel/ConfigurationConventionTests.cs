using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Khcn.Hosting.Tests.AppModel;

/// <summary>The services read only Aspire's standard keys; these are the values the app model gives them.</summary>
public sealed class ConfigurationConventionTests
{
    [Fact]
    public void Project_gets_ASPNETCORE_URLS_on_its_allocated_loopback_port()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var project = builder.AddProject<TestProject>("tasks");

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        var url = new Uri(environment["ASPNETCORE_URLS"]);
        Assert.Equal("http", url.Scheme);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(project.Resource.HttpEndpoint.Port, url.Port);
        Assert.NotEqual(0, url.Port);
    }

    [Fact]
    public void Reference_to_a_project_is_services_name_http_0()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var provinces = builder.AddProject<TestProject>("provinces");
        var tasks = builder.AddProject<TestProject>("tasks").WithReference(provinces);

        var environment = EnvironmentOf.Resolve(tasks.Resource, builder.Resources);

        Assert.Equal(provinces.Resource.HttpEndpoint.Url, environment["services__provinces__http__0"]);
        Assert.DoesNotContain("services__tasks__http__0", environment.Keys);
    }

    [Fact]
    public void References_may_go_both_ways_because_endpoints_are_allocated_before_anything_starts()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var provinces = builder.AddProject<TestProject>("provinces");
        var tasks = builder.AddProject<TestProject>("tasks").WithReference(provinces).WaitFor(provinces);
        provinces.WithReference(tasks);

        var environment = EnvironmentOf.Resolve(provinces.Resource, builder.Resources);

        Assert.Equal(tasks.Resource.HttpEndpoint.Url, environment["services__tasks__http__0"]);
    }

    [Fact]
    public void Reference_to_redis_is_ConnectionStrings_name_with_the_generated_password()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        var project = builder.AddProject<TestProject>("tasks").WithReference(cache);

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.Equal($"127.0.0.1:{cache.Resource.PrimaryEndpoint.Port},password={cache.Resource.Password}", environment["ConnectionStrings__cache"]);
        Assert.True(cache.Resource.Password.Length >= 20);
    }

    [Fact]
    public void Reference_to_a_postgres_database_names_the_database_and_the_server()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase("tasksdb");
        var project = builder.AddProject<TestProject>("tasks").WithReference(database);

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.Equal(
            $"Host=127.0.0.1;Port={postgres.Resource.PrimaryEndpoint.Port};Username=postgres;Password={postgres.Resource.Password};Database=tasksdb",
            environment["ConnectionStrings__tasksdb"]);
    }

    [Fact]
    public void A_fallen_back_resource_gives_no_connection_string_so_the_service_keeps_its_embedded_default()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        var postgres = builder.AddPostgres("postgres");
        var project = builder.AddProject<TestProject>("tasks").WithReference(cache).WithReference(postgres.AddDatabase("tasksdb"));
        cache.Resource.Annotations.Add(new FallbackAnnotation("redis-server not found"));
        postgres.Resource.Annotations.Add(new FallbackAnnotation("initdb not found"));

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Project_gets_its_OpenTelemetry_service_name_and_a_new_instance_id_per_start()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var project = builder.AddProject<TestProject>("ip");

        var first = EnvironmentOf.Resolve(project.Resource, builder.Resources);
        var second = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.Equal("ip", first["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=", first["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.NotEqual(first["OTEL_RESOURCE_ATTRIBUTES"], second["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.DoesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT", first.Keys);
    }

    [Fact]
    public void OTLP_endpoint_of_the_AppHost_is_passed_on_with_the_grpc_protocol()
    {
        var builder = DistributedApplication.CreateBuilder(["--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317"]);
        var project = builder.AddProject<TestProject>("ip");

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.Equal("http://127.0.0.1:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void WithEnvironment_adds_a_variable()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var project = builder.AddProject<TestProject>("ip").WithEnvironment("Seeds__Load", "false");

        var environment = EnvironmentOf.Resolve(project.Resource, builder.Resources);

        Assert.Equal("false", environment["Seeds__Load"]);
    }
}
