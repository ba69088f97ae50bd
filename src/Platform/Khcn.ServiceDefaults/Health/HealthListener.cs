using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>The HTTP/1.1 health listener's URLs and ports, from <see cref="HealthEndpoints.UrlsConfigurationKey"/>.</summary>
internal sealed class HealthListener
{
    // The keys ASP.NET Core's host reads its addresses from (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls).
    public const string UrlsKey = "urls";
    private const string HttpPortsKey = "http_ports";
    private const string HttpsPortsKey = "https_ports";

    // Kestrel's own address when none is configured.
    private const string KestrelDefaultUrl = "http://localhost:5000";

    private HealthListener(IReadOnlyList<string> urls, IReadOnlySet<int> ports)
    {
        Urls = urls;
        Ports = ports;
    }

    public IReadOnlyList<string> Urls { get; }

    /// <summary>Endpoints are told apart by port: Kestrel's endpoint defaults see the address, not the URL it came from.</summary>
    public IReadOnlySet<int> Ports { get; }

    /// <summary>The listener, or null when <see cref="HealthEndpoints.UrlsConfigurationKey"/> is not set.</summary>
    public static HealthListener? From(IConfiguration configuration)
    {
        var urls = Split(configuration[HealthEndpoints.UrlsConfigurationKey]);
        if (urls.Length == 0)
        {
            return null;
        }

        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            var port = BindingAddress.Parse(url).Port;
            if (port == 0)
            {
                // A dynamic port could not be told apart from the service's own (often also port 0 in tests).
                throw new InvalidOperationException(
                    $"{HealthEndpoints.UrlsConfigurationKey} needs explicit ports; '{url}' has none.");
            }

            ports.Add(port);
        }

        return new HealthListener(urls, ports);
    }

    /// <summary>
    /// The server's addresses with the health URLs appended. When none are configured, the addresses the host would
    /// have used stay: the <c>http_ports</c>/<c>https_ports</c> ones, else Kestrel's default.
    /// </summary>
    public string ServerUrls(IConfiguration configuration)
    {
        var current = Split(configuration[UrlsKey]);
        if (current.Length == 0)
        {
            current =
            [
                .. Split(configuration[HttpPortsKey]).Select(port => $"http://*:{port}"),
                .. Split(configuration[HttpsPortsKey]).Select(port => $"https://*:{port}"),
            ];
        }

        if (current.Length == 0)
        {
            current = [KestrelDefaultUrl];
        }

        return string.Join(';', current.Concat(Urls.Except(current, StringComparer.OrdinalIgnoreCase)));
    }

    private static string[] Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
