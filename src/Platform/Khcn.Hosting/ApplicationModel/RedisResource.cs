namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A redis-server (found on PATH) on a free loopback port with a password generated for the run and no persistence:
/// the suite's shared cache. When redis-server is not installed it falls back: the services use their in-memory cache.
/// </summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string PrimaryEndpointName = "tcp";

    public string Password { get; } = Secrets.NewPassword();

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>The StackExchange.Redis form our Khcn.Redis client parses: <c>127.0.0.1:6379,password=…</c>.</summary>
    public string? GetConnectionString() =>
        this.HasFallenBack() ? null : $"{PrimaryEndpoint.Allocated.HostAndPort},password={Password}";
}
