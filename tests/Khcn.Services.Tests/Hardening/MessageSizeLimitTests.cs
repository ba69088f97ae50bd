using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Khcn.Provinces.V1;

namespace Khcn.Services.Tests.Hardening;

/// <summary>Grpc:MaxReceiveMessageSize and Grpc:MaxSendMessageSize, enforced by the real server (4 MiB each by default).</summary>
public sealed class MessageSizeLimitTests
{
    [Fact]
    public async Task RequestOverTheDefault4MiB_IsRefusedWithResourceExhausted()
    {
        await using var hosts = new HardenedHosts();
        var provinces = new ProvincesService.ProvincesServiceClient(hosts.ChannelTo(await hosts.StartProvincesAsync()));

        var error = await Assert.ThrowsAsync<RpcException>(() => provinces.GetProvinceAsync(
            new GetProvinceRequest { Name = new string('x', 4 * 1024 * 1024) }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ConfiguredReceiveLimit_RefusesLargerRequests_AndServesSmallerOnes()
    {
        await using var hosts = new HardenedHosts();
        var provinces = new ProvincesService.ProvincesServiceClient(
            hosts.ChannelTo(await hosts.StartProvincesAsync("--Grpc:MaxReceiveMessageSize=1024")));

        var error = await Assert.ThrowsAsync<RpcException>(() => provinces.GetProvinceAsync(
            new GetProvinceRequest { Name = "provinces/" + new string('9', 2048) }, deadline: HardenedCalls.Deadline).ResponseAsync);
        var small = await provinces.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/20" }, deadline: HardenedCalls.Deadline);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("provinces/20", small.Name);
    }

    [Fact]
    public async Task ConfiguredSendLimit_FailsAnAnswerLargerThanIt_WithResourceExhausted()
    {
        await using var hosts = new HardenedHosts();
        var provinces = new ProvincesService.ProvincesServiceClient(
            hosts.ChannelTo(await hosts.StartProvincesAsync("--Grpc:MaxSendMessageSize=512")));

        // The 34 provinces with their names and lineage are several KiB.
        var error = await Assert.ThrowsAsync<RpcException>(() => provinces.ListProvincesAsync(
            new ListProvincesRequest { PageSize = 1000 }, deadline: HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task CompressedRequest_IsLimitedByItsDecompressedSize_AndRefusedBeforeFullyInflated()
    {
        await using var hosts = new HardenedHosts();
        var provinces = new ProvincesService.ProvincesServiceClient(
            hosts.ChannelTo(await hosts.StartProvincesAsync("--Grpc:MaxReceiveMessageSize=1024")));
        // 100 KB of one letter gzips to a few hundred bytes on the wire: a small "zip bomb".
        var gzip = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => provinces.GetProvinceAsync(
            new GetProvinceRequest { Name = new string('x', 100_000) }, gzip, HardenedCalls.Deadline).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        // "Received message larger than max (N vs. 1024)": N is how far the server inflated before stopping, far
        // short of the 100 KB a server without the bound would have built in memory (and more than the wire size).
        var inflated = int.Parse(Regex.Match(error.Status.Detail, @"\((\d+) vs\. 1024\)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(inflated, 1025, 50_000);
    }
}
