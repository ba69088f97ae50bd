using Grpc.AspNetCore.HealthChecks;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>Starts a server with the probe service and the health service bridged to the given checks.</summary>
public static class HealthTestServer
{
    public const string ProbeServiceName = "khcn.testing.standard.v1.ProbeService";

    public static Task<LoopbackApp> StartAsync(
        Action<IHealthChecksBuilder> addChecks,
        Action<GrpcHealthChecksOptions>? configure = null,
        TimeSpan? evaluationPeriod = null) =>
        StandardServicesServer.StartAsync(
            services =>
            {
                addChecks(services.AddGrpcHealthChecks(configure ?? (static _ => { })));
                if (evaluationPeriod is { } period)
                {
                    services.Configure<HealthCheckPublisherOptions>(options =>
                    {
                        options.Delay = TimeSpan.Zero;
                        options.Period = period;
                    });
                }
            },
            endpoints =>
            {
                endpoints.MapGrpcService<ProbeServiceImpl>();
                endpoints.MapGrpcHealthChecksService();
            });
}
