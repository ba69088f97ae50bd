using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Khcn.ServiceDefaults.Hardening;

/// <summary>
/// Connection limits stated explicitly rather than left to Kestrel's version of the day, then
/// <c>Kestrel:Limits</c> from configuration on top (Kestrel does not bind that section by itself), so every
/// <see cref="KestrelServerLimits"/> key, e.g. <c>Kestrel:Limits:Http2:MaxStreamsPerConnection</c>, can be tuned.
/// </summary>
internal sealed class KestrelLimitDefaults(IConfiguration configuration) : IConfigureOptions<KestrelServerOptions>
{
    public const string LimitsSection = "Kestrel:Limits";

    /// <summary>Concurrent HTTP/2 streams (gRPC calls) per connection, advertised in SETTINGS_MAX_CONCURRENT_STREAMS.</summary>
    public const int DefaultMaxStreamsPerConnection = 100;

    public const int DefaultMaxRequestHeadersTotalSize = 32 * 1024;
    public const int DefaultMaxRequestHeaderCount = 100;
    public const int DefaultMaxRequestHeaderFieldSize = 16 * 1024;

    /// <summary>
    /// Pings an idle HTTP/2 connection after a minute and drops it when no answer comes in 20 s: a dead peer of a
    /// long-lived watch (WatchTasks) does not hold its stream forever, while a live one is never cut.
    /// </summary>
    public static readonly TimeSpan DefaultKeepAlivePingDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultKeepAlivePingTimeout = TimeSpan.FromSeconds(20);

    public void Configure(KestrelServerOptions options)
    {
        var limits = options.Limits;
        limits.MaxRequestHeadersTotalSize = DefaultMaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = DefaultMaxRequestHeaderCount;
        limits.Http2.MaxStreamsPerConnection = DefaultMaxStreamsPerConnection;
        limits.Http2.MaxRequestHeaderFieldSize = DefaultMaxRequestHeaderFieldSize;
        limits.Http2.KeepAlivePingDelay = DefaultKeepAlivePingDelay;
        limits.Http2.KeepAlivePingTimeout = DefaultKeepAlivePingTimeout;

        configuration.GetSection(LimitsSection).Bind(limits);
    }
}
