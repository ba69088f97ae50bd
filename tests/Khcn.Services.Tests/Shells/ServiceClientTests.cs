using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.ClientFactory;
using Khcn.Provinces.V1;
using Khcn.Services.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Khcn.Services.Tests.Shells;

/// <summary>One service calling another the way the suite wires it: AddServiceClient + Aspire's service-discovery keys.</summary>
public class ServiceClientTests
{
    [Fact]
    public async Task AddServiceClient_TakesTheAddressFromServicesNameHttp0()
    {
        await using var provinces = await ServiceHost.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);
        using var caller = BuildCaller(provinces.Address.ToString());

        var client = caller.Services.GetRequiredService<ProvincesService.ProvincesServiceClient>();
        var call = client.GetProvinceAsync(new GetProvinceRequest { Name = "provinces/44" }, deadline: DateTime.UtcNow.AddSeconds(30));

        // Only the real service knows today's Quảng Trị: reaching it proves the address.
        var province = await call.ResponseAsync;
        Assert.Equal("Quảng Trị", province.DisplayName);
    }

    [Fact]
    public void AddServiceClient_RetriesUnavailableOnIdempotentMethodsOnly()
    {
        using var caller = BuildCaller("http://127.0.0.1:1");
        var factoryOptions = caller.Services.GetRequiredService<IOptionsMonitor<GrpcClientFactoryOptions>>().Get("provinces");
        var channelOptions = new GrpcChannelOptions();
        foreach (var configure in factoryOptions.ChannelOptionsActions)
        {
            configure(channelOptions);
        }

        var config = Assert.Single(channelOptions.ServiceConfig!.MethodConfigs);
        var methods = config.Names.Select(n => n.Method).ToHashSet();
        Assert.Contains(nameof(ProvincesService.ProvincesServiceClient.GetProvince), methods);
        Assert.Contains(nameof(ProvincesService.ProvincesServiceClient.ListProvinces), methods);
        Assert.Contains(nameof(ProvincesService.ProvincesServiceClient.ResolveProvince), methods);
        Assert.DoesNotContain(nameof(ProvincesService.ProvincesServiceClient.CreateEngagement), methods);
        Assert.DoesNotContain(nameof(ProvincesService.ProvincesServiceClient.AnswerRecommendation), methods);
        Assert.All(config.Names, n => Assert.Equal(ProvincesService.Descriptor.FullName, n.Service));
        Assert.Contains(StatusCode.Unavailable, config.RetryPolicy!.RetryableStatusCodes);
    }

    private static IHost BuildCaller(string provincesAddress)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["services:provinces:http:0"] = provincesAddress });
        builder.AddServiceClient<ProvincesService.ProvincesServiceClient>("provinces", ProvincesService.Descriptor);
        return builder.Build();
    }
}
