using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Services.Tests.Hardening;

/// <summary>Without authentication (and without client certificates) the rate limit's caller is the remote address.</summary>
public sealed class AnonymousRateLimitTests
{
    private const int CallsToExhaust = 50;

    [Fact]
    public async Task WithoutAuthentication_ConnectionsFromOneAddress_ShareOneBucket()
    {
        await using var hosts = new HardenedHosts();
        var host = await hosts.StartProvincesAsync("--RateLimiting:PermitsPerSecond=0.1", "--RateLimiting:Burst=2");
        var first = new ProvincesService.ProvincesServiceClient(hosts.ChannelTo(host));
        var second = new ProvincesService.ProvincesServiceClient(hosts.ChannelTo(host));
        await ExhaustAsync(first);

        // A new connection from the same address draws from the same, empty bucket (refilled only every 10 s).
        var error = await Assert.ThrowsAsync<RpcException>(() => second.GetProvinceAsync(
            new GetProvinceRequest { Name = "provinces/20" }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("RATE_LIMITED", HardenedCalls.ReasonOf(error));
    }

    private static async Task ExhaustAsync(ProvincesService.ProvincesServiceClient client)
    {
        for (var i = 0; i < CallsToExhaust; i++)
        {
            try
            {
                await client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, deadline: HardenedCalls.Deadline);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{CallsToExhaust} calls in a row were all served.");
    }
}
