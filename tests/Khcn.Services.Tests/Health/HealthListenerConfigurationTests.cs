using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Khcn.Services.Tests.HttpHealth;

/// <summary>
/// HealthChecks:Urls extends the server's addresses (the <c>urls</c> key ASPNETCORE_URLS feeds) instead of replacing them,
/// and keeps the address the host would have used when none is configured.
/// </summary>
public sealed class HealthListenerConfigurationTests
{
    [Fact]
    public void Health_urls_are_appended_to_the_configured_urls()
    {
        var urls = ServerUrlsAfterServiceDefaults("--urls", "http://127.0.0.1:5101", "--HealthChecks:Urls", "http://127.0.0.1:5201");

        Assert.Equal("http://127.0.0.1:5101;http://127.0.0.1:5201", urls);
    }

    [Fact]
    public void Several_health_urls_are_separated_by_semicolons_and_a_url_already_listed_is_not_repeated()
    {
        var urls = ServerUrlsAfterServiceDefaults(
            "--urls", "http://127.0.0.1:5101;http://127.0.0.1:5202",
            "--HealthChecks:Urls", " http://127.0.0.1:5201 ; http://127.0.0.1:5202 ");

        Assert.Equal("http://127.0.0.1:5101;http://127.0.0.1:5202;http://127.0.0.1:5201", urls);
    }

    [Fact]
    public void Without_urls_the_http_ports_stay_beside_the_health_url()
    {
        var urls = ServerUrlsAfterServiceDefaults("--http_ports", "8080", "--HealthChecks:Urls", "http://*:8081");

        Assert.Equal("http://*:8080;http://*:8081", urls);
    }

    [Fact]
    public void Without_any_address_kestrels_default_stays_beside_the_health_url()
    {
        var urls = ServerUrlsAfterServiceDefaults("--HealthChecks:Urls", "http://127.0.0.1:5201");

        Assert.Equal("http://localhost:5000;http://127.0.0.1:5201", urls);
    }

    [Fact]
    public void Without_health_urls_the_addresses_are_left_alone()
    {
        var urls = ServerUrlsAfterServiceDefaults("--urls", "http://127.0.0.1:5101");

        Assert.Equal("http://127.0.0.1:5101", urls);
    }

    [Fact]
    public void A_health_url_without_a_port_of_its_own_is_rejected_at_startup()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => ServerUrlsAfterServiceDefaults("--urls", "http://127.0.0.1:0", "--HealthChecks:Urls", "http://127.0.0.1:0"));

        Assert.Contains("HealthChecks:Urls", error.Message, StringComparison.Ordinal);
    }

    private static string? ServerUrlsAfterServiceDefaults(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        return builder.Configuration["urls"];
    }
}
