using Grpc.AspNetCore.Server;
using Khcn.Grpc.AspNetCore.Server.Tests.Infrastructure;
using Khcn.Grpc.AspNetCore.Server.Tests.Protos;
using Khcn.Grpc.AspNetCore.Server.Tests.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Protocol;

public sealed class ServiceHostingTests
{
    [Fact]
    public async Task MapGrpcService_AttachesGrpcMethodMetadataToEveryMethodEndpoint()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var methods = endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .ToList();

        Assert.All(methods, m => Assert.Equal(typeof(ProtocolTestService), m.ServiceType));
        Assert.Equal(
            ["ClientStream", "Duplex", "NotOverridden", "ServerStream", "Unary", "WaitForCancellation"],
            methods.Select(m => m.Method.Name).Order());
        Assert.All(methods, m => Assert.Equal("khcn.testing.ProtocolTest", m.Method.ServiceName));
    }

    [Fact]
    public async Task ServiceActivation_IsPerCallWithScopedServicesAndDisposedAfterTheCall()
    {
        await using var server = await GrpcTestServer.StartAsync();
        using var client = new RawGrpcClient(server.Address);
        var report = GrpcFrames.Frame(new EchoRequest { Action = EchoRequest.Types.Action.ReportContext });

        var first = (await client.CallAsync("Unary", report)).Replies.Single().Context;
        var second = (await client.CallAsync("Unary", report)).Replies.Single().Context;

        Assert.NotEqual(first["instance"], second["instance"]);
        Assert.NotEqual(first["scoped"], second["scoped"]);
        Assert.Equal(2, server.Activations.Created);
        Assert.Equal(2, server.Activations.Disposed);
    }

    [Fact]
    public async Task MapGrpcService_WithoutAddGrpc_ThrowsClearError()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => Microsoft.AspNetCore.Builder.GrpcEndpointRouteBuilderExtensions.MapGrpcService<ProtocolTestService>(app));

        Assert.Contains("AddGrpc", error.Message);
    }
}
