using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Khcn.IntellectualProperty.V1;
using Khcn.Provinces.V1;
using Khcn.Tasks.V1;

namespace Khcn.AppHost.Tests.Infrastructure;

/// <summary>Calls a service of the stack at the address the AppHost printed, with the generated clients.</summary>
public static class StackCalls
{
    /// <summary>The services the AppHost runs, by resource name.</summary>
    public static readonly IReadOnlyList<string> Services = ["provinces", "tasks", "ip"];

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static async Task<HealthCheckResponse.Types.ServingStatus> CheckHealthAsync(string address)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), Options());
        return response.Status;
    }

    /// <summary>
    /// How many items the first page of the service's main list holds: the seeds load at start, so a service that
    /// reached its database answers with some.
    /// </summary>
    public static async Task<int> CountFirstPageAsync(string service, string address)
    {
        using var channel = GrpcChannel.ForAddress(address);
        return service switch
        {
            "provinces" => (await new ProvincesService.ProvincesServiceClient(channel).ListProvincesAsync(new ListProvincesRequest(), Options())).Provinces.Count,
            "tasks" => (await new TasksService.TasksServiceClient(channel).ListTasksAsync(new ListTasksRequest(), Options())).Tasks.Count,
            "ip" => (await new IntellectualPropertyService.IntellectualPropertyServiceClient(channel).ListAssetsAsync(new ListAssetsRequest(), Options())).Assets.Count,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a service of the stack"),
        };
    }

    /// <summary>The province overview, which asks Tasks and IntellectualProperty; <paramref name="traceParent"/> makes it part of the caller's trace.</summary>
    public static async Task<ProvinceOverview> GetOverviewAsync(string address, string province, string traceParent)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var request = new GetProvinceOverviewRequest { Name = $"{province}/overview" };
        return await new ProvincesService.ProvincesServiceClient(channel).GetProvinceOverviewAsync(
            request, Options().WithHeaders(new Metadata { { "traceparent", traceParent } }));
    }

    private static CallOptions Options() => new(deadline: DateTime.UtcNow + CallTimeout);
}
