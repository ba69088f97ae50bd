using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>Starts a server exposing the probe service, health and both reflection versions.</summary>
public static class ReflectionTestServer
{
    public static Task<LoopbackApp> StartAsync() =>
        StandardServicesServer.StartAsync(
            services =>
            {
                services.AddGrpcHealthChecks();
                services.AddGrpcReflection();
            },
            endpoints =>
            {
                endpoints.MapGrpcService<ProbeServiceImpl>();
                endpoints.MapGrpcHealthChecksService();
                endpoints.MapGrpcReflectionService();
            });
}
