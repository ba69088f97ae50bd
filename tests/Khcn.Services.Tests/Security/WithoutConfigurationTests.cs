using Grpc.Net.Client;
using Khcn.Provinces.V1;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Security;

/// <summary>Without <c>Authentication:Jwt:Issuers</c> nothing changes: calls need no token (the AppHost's development run).</summary>
public sealed class WithoutConfigurationTests
{
    [Fact]
    public async Task NoIssuersConfigured_CallWithoutToken_IsAnswered()
    {
        await using var provinces = await ServiceHost.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);
        using var channel = GrpcChannel.ForAddress(provinces.Address);

        var response = await new ProvincesService.ProvincesServiceClient(channel)
            .ListProvincesAsync(new ListProvincesRequest(), SecuredCalls.Anonymous);

        Assert.NotEmpty(response.Provinces);
    }
}
