using System.Net;

namespace Khcn.Hosting.Health;

/// <summary>
/// A service is ready when <c>GET /health</c> on its HTTP/1.1 health endpoint answers 200: every check passed or is
/// only Degraded (Redis down, the cache serving from memory). 503, a refused connection or a timeout: not yet. The
/// same request a Kubernetes <c>httpGet</c> readiness probe makes, so both see the same thing.
/// </summary>
internal sealed class HttpHealthProbe : IHealthProbe
{
    // Generous for one local request: a service's first /health runs every check cold (JIT, first database connection).
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly Uri _health;
    private readonly HttpClient _client;

    public HttpHealthProbe(Uri address)
    {
        _health = new Uri(address, "/health");
        _client = new HttpClient(new SocketsHttpHandler
        {
            // A proxy from the environment (http_proxy) must not see probes of loopback ports.
            UseProxy = false,
            ConnectTimeout = Timeout,
        })
        {
            Timeout = Timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(_health, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception)
        {
            // Not listening yet (refused), too slow (timeout), cancelled: not healthy yet.
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
