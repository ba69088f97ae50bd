using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Khcn.Services.Tests.Hosting;

namespace Khcn.Services.Tests.Security;

/// <summary>Health and reflection answer without a token even when authentication is on; reflection can be turned off.</summary>
public sealed class OpenMethodsTests(SecuredSuiteFixture suite) : IClassFixture<SecuredSuiteFixture>
{
    [Fact]
    public async Task HealthCheck_AnswersWithoutToken()
    {
        var response = await new Health.HealthClient(suite.Provinces).CheckAsync(new HealthCheckRequest(), SecuredCalls.Anonymous);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ReflectionListServices_AnswersWithoutToken()
    {
        var response = await ListServicesAsync(suite.Provinces);

        Assert.Contains(response.ListServicesResponse.Service, service => service.Name == "khcn.provinces.v1.ProvincesService");
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task HttpHealthEndpoint_AnswersWithoutToken(string path)
    {
        // The service port speaks HTTP/2 without TLS only, so the request says so up front.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(suite.ProvincesAddress, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReflectionDisabled_IsUnimplemented()
    {
        await using var provinces = await ServiceHost.StartAsync(
            typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly,
            [.. suite.Keys.ServiceSettings, "--Reflection:Enabled=false"]);
        using var channel = GrpcChannel.ForAddress(provinces.Address);

        // Nothing is written: with the service unmapped the server ends the call at once, and a write could race it.
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(SecuredCalls.Anonymous);
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private static async Task<ServerReflectionResponse> ListServicesAsync(GrpcChannel channel)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(SecuredCalls.Anonymous);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "reflection sent no response");
        return call.ResponseStream.Current;
    }
}
