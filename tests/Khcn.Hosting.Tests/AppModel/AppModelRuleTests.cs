using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Orchestration;

namespace Khcn.Hosting.Tests.AppModel;

/// <summary>What Build() refuses and how the start order follows the waits.</summary>
public sealed class AppModelRuleTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1cache")]
    [InlineData("cache_1")]
    [InlineData("cache-")]
    [InlineData("ca--che")]
    [InlineData("bộ-nhớ")]
    public void Resource_names_must_be_valid_configuration_keys(string name)
    {
        var builder = DistributedApplication.CreateBuilder([]);

        Assert.ThrowsAny<ArgumentException>(() => builder.AddRedis(name));
    }

    [Fact]
    public void Resource_names_are_unique_ignoring_case()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddPostgres("Cache"));
        Assert.Contains("'Cache'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waits_in_a_cycle_are_refused_naming_the_cycle()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var provinces = builder.AddProject<TestProject>("provinces");
        var tasks = builder.AddProject<TestProject>("tasks").WaitFor(provinces);
        provinces.WaitFor(tasks);

        var error = Assert.Throws<DistributedApplicationException>(() => ResourceGraph.Create(builder.Resources));
        Assert.Contains("provinces → tasks → provinces", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_for_a_resource_of_another_app_is_refused()
    {
        var other = DistributedApplication.CreateBuilder([]).AddRedis("cache");
        var builder = DistributedApplication.CreateBuilder([]);
        builder.AddProject<TestProject>("tasks").WaitFor(other);

        Assert.Throws<DistributedApplicationException>(() => ResourceGraph.Create(builder.Resources));
    }

    [Fact]
    public void Start_order_puts_what_is_waited_for_first_and_keeps_declaration_order_otherwise()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var ip = builder.AddProject<TestProject>("ip");
        var provinces = builder.AddProject<TestProject>("provinces");
        var cache = builder.AddRedis("cache");
        var postgres = builder.AddPostgres("postgres");
        var ipdb = postgres.AddDatabase("ipdb");
        ip.WaitFor(provinces).WaitFor(ipdb);
        provinces.WaitFor(cache);

        var order = ResourceGraph.Create(builder.Resources).StartOrder.Select(r => r.Name).ToList();

        Assert.True(order.IndexOf("cache") < order.IndexOf("provinces"));
        Assert.True(order.IndexOf("provinces") < order.IndexOf("ip"));
        Assert.True(order.IndexOf("postgres") < order.IndexOf("ipdb"), "a database waits for its server");
        Assert.True(order.IndexOf("ipdb") < order.IndexOf("ip"));
        Assert.Equal(builder.Resources.Count, order.Count);
    }

    [Fact]
    public void Dependents_are_the_resources_that_wait()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        var provinces = builder.AddProject<TestProject>("provinces").WaitFor(cache);
        builder.AddProject<TestProject>("tasks").WithReference(provinces);

        var graph = ResourceGraph.Create(builder.Resources);

        Assert.Equal(["provinces"], graph.DependentsOf(cache.Resource).Select(r => r.Name));
        Assert.Empty(graph.DependentsOf(provinces.Resource)); // a reference is not a wait
    }

    [Theory]
    [InlineData(new[] { "--postgres" }, "true")]
    [InlineData(new[] { "--postgres", "--other=1" }, "true")]
    [InlineData(new[] { "--postgres", "false" }, "false")]
    [InlineData(new[] { "--postgres=false" }, "false")]
    public void A_bare_switch_on_the_command_line_means_true(string[] args, string expected)
    {
        var builder = DistributedApplication.CreateBuilder(args);

        Assert.Equal(expected, builder.Configuration["postgres"]);
    }
}
