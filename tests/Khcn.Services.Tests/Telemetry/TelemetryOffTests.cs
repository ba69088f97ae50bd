using Khcn.Services.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>Without an OTLP endpoint a service answers as before and builds no telemetry pipeline at all.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task NoEndpoint_ServiceAnswersAndRegistersNoProviderOrExporter()
    {
        await using var service = await ServiceHost.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly);

        await TelemetryRun.GetProvinceTracedAsync(service.Address);

        Assert.Null(service.Services.GetService<TelemetryLifetime>());
        Assert.Null(service.Services.GetService<LoggerProvider>());
        Assert.DoesNotContain(service.Services.GetServices<ILoggerProvider>(), provider => provider is OpenTelemetryLoggerProvider);
    }
}
