using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.StatusProto;
using Khcn.Provinces.V1;
using Khcn.Security;
using Khcn.Services.Tests.Security;

namespace Khcn.Services.Tests.Hardening;

/// <summary>
/// RateLimiting:PermitsPerSecond/Burst: a token bucket per authenticated caller. Refusals are RESOURCE_EXHAUSTED
/// with ErrorInfo RATE_LIMITED and a RetryInfo delay; other callers and health probes are not affected; permits
/// come back as the bucket refills. Timing is never asserted: the slow refill only makes the exhaustion certain.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;

    // Looping until refused rather than counting exactly: a refill tick may land between two calls.
    private const int CallsToExhaust = 50;

    private static readonly TimeSpan RefillWait = TimeSpan.FromSeconds(30);

    private readonly HardenedHosts _hosts = new();
    private readonly SigningKeys _tokens = new();
    private ProvincesService.ProvincesServiceClient _provinces = null!;
    private Health.HealthClient _health = null!;

    public async Task InitializeAsync()
    {
        // One permit every two seconds: a burst of calls empties the bucket long before it refills.
        var host = await _hosts.StartProvincesAsync([.. _tokens.ServiceSettings, "--RateLimiting:PermitsPerSecond=0.5", $"--RateLimiting:Burst={Burst}"]);
        var channel = _hosts.ChannelTo(host);
        _provinces = new ProvincesService.ProvincesServiceClient(channel);
        _health = new Health.HealthClient(channel);
    }

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
        _tokens.Dispose();
    }

    [Fact]
    public async Task CallerOverItsBucket_IsRefusedWithResourceExhausted_RateLimited_WithRetryInfo()
    {
        var token = _tokens.MintFor("can-bo@so-khcn-12.test", "portal-12", KhcnClaims.Scopes.ProvincesRead);

        var refused = await ExhaustAsync(token);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal("RATE_LIMITED", HardenedCalls.ReasonOf(refused));
        var retry = refused.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task ExhaustedCaller_DoesNotStopAnotherCaller()
    {
        var exhausted = _tokens.MintFor("can-bo@so-khcn-20.test", "portal-20", KhcnClaims.Scopes.ProvincesRead);
        var other = _tokens.MintFor("can-bo@so-khcn-44.test", "portal-44", KhcnClaims.Scopes.ProvincesRead);
        await ExhaustAsync(exhausted);

        var province = await _provinces.GetProvinceAsync(Request, WithToken(other));

        Assert.Equal("provinces/20", province.Name);
    }

    [Fact]
    public async Task ExhaustedCaller_MayStillProbeHealth()
    {
        var token = _tokens.MintFor("can-bo@so-khcn-01.test", "portal-01", KhcnClaims.Scopes.ProvincesRead);
        await ExhaustAsync(token);

        var health = await _health.CheckAsync(new HealthCheckRequest(), WithToken(token));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task ExhaustedCaller_IsServedAgainOnceTheBucketRefills()
    {
        var token = _tokens.MintFor("can-bo@so-khcn-79.test", "portal-79", KhcnClaims.Scopes.ProvincesRead);
        var refused = await ExhaustAsync(token);
        var retryDelay = refused.GetRpcStatus()!.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan();

        var province = await ServedWithinAsync(token, retryDelay, RefillWait);

        Assert.Equal("provinces/20", province.Name);
    }

    private static GetProvinceRequest Request => new() { Name = "provinces/20" };

    private static CallOptions WithToken(string token) =>
        new(headers: new Metadata { { "authorization", "Bearer " + token } }, deadline: HardenedCalls.Deadline);

    /// <summary>Calls until the first refusal, which must come: the bucket holds only <see cref="Burst"/> permits.</summary>
    private async Task<RpcException> ExhaustAsync(string token)
    {
        for (var i = 0; i < CallsToExhaust; i++)
        {
            try
            {
                await _provinces.GetProvinceAsync(Request, WithToken(token));
            }
            catch (RpcException e)
            {
                Assert.True(i >= Burst, $"Refused after {i} calls, before the burst of {Burst} was used: {e.Status}");
                return e;
            }
        }

        throw new Xunit.Sdk.XunitException($"{CallsToExhaust} calls in a row were all served.");
    }

    /// <summary>Waits as the server asked, then retries until served or <paramref name="giveUpAfter"/> has passed.</summary>
    private async Task<Province> ServedWithinAsync(string token, TimeSpan retryDelay, TimeSpan giveUpAfter)
    {
        var giveUpAt = DateTime.UtcNow + giveUpAfter;
        var delay = retryDelay;
        while (true)
        {
            await Task.Delay(delay);
            try
            {
                return await _provinces.GetProvinceAsync(Request, WithToken(token));
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && DateTime.UtcNow < giveUpAt)
            {
                delay = e.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() ?? TimeSpan.FromMilliseconds(250);
            }
        }
    }
}
