using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Frame = Khcn.Services.Tests.Hardening.RawHttp2Connection.Frame;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// Kestrel:Limits:Http2:MaxStreamsPerConnection is advertised to every HTTP/2 client and enforced: a stream beyond it
/// is reset with REFUSED_STREAM (Kestrel does not queue it), while the connection and its open streams go on.
/// </summary>
public sealed class ConnectionLimitTests
{
    // Health Watch waits for its request message, so a stream opened without one stays active on the server.
    private const string WatchPath = "/grpc.health.v1.Health/Watch";

    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Settings_AdvertiseTheDefault100ConcurrentStreams()
    {
        await using var hosts = new HardenedHosts();
        var host = await hosts.StartProvincesAsync();
        using var timeout = new CancellationTokenSource(ExchangeTimeout);
        await using var connection = await RawHttp2Connection.ConnectAsync(host.Address, timeout.Token);

        var settings = await FirstSettingsAsync(connection, timeout.Token);

        Assert.Equal(100u, settings[RawHttp2Connection.MaxConcurrentStreamsSetting]);
    }

    [Fact]
    public async Task StreamBeyondTheConfiguredMaximum_IsRefused_WhileTheOthersStayOpen()
    {
        const int maxStreams = 3;
        await using var hosts = new HardenedHosts();
        var host = await hosts.StartProvincesAsync($"--Kestrel:Limits:Http2:MaxStreamsPerConnection={maxStreams}");
        using var timeout = new CancellationTokenSource(ExchangeTimeout);
        await using var connection = await RawHttp2Connection.ConnectAsync(host.Address, timeout.Token);
        var settings = await FirstSettingsAsync(connection, timeout.Token);

        // Client stream ids are odd: 1, 3, 5 fill the allowance, 7 is one too many.
        for (var i = 0; i <= maxStreams; i++)
        {
            await connection.OpenStreamAsync((2 * i) + 1, WatchPath, timeout.Token);
        }

        var reset = await NextAsync(connection, f => f.Type is RawHttp2Connection.RstStreamFrame or RawHttp2Connection.GoAwayFrame, timeout.Token);

        Assert.Equal((uint)maxStreams, settings[RawHttp2Connection.MaxConcurrentStreamsSetting]);
        Assert.Equal(RawHttp2Connection.RstStreamFrame, reset.Type);
        Assert.Equal((2 * maxStreams) + 1, reset.StreamId);
        Assert.Equal(RawHttp2Connection.RefusedStreamError, reset.ErrorCode);
    }

    [Fact]
    public async Task KestrelLimits_AreSetExplicitly_WithKeepAlivePings()
    {
        await using var hosts = new HardenedHosts();
        var host = await hosts.StartProvincesAsync("--Kestrel:Limits:MaxRequestHeaderCount=50");

        var limits = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(50, limits.MaxRequestHeaderCount);
        Assert.Equal(32 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.Http2.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), limits.Http2.KeepAlivePingTimeout);
    }

    private static async Task<IReadOnlyDictionary<ushort, uint>> FirstSettingsAsync(RawHttp2Connection connection, CancellationToken cancellationToken) =>
        (await NextAsync(connection, f => f.Type == RawHttp2Connection.SettingsFrame && f.Flags == 0, cancellationToken)).Settings();

    private static async Task<Frame> NextAsync(RawHttp2Connection connection, Func<Frame, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await connection.ReadFrameAsync(cancellationToken);
            if (wanted(frame))
            {
                return frame;
            }
        }
    }
}
