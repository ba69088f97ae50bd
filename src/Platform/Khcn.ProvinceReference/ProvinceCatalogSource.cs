using Grpc.Core;
using Grpc.Net.ClientFactory;
using Khcn.Aip;
using Khcn.Provinces.V1;
using Khcn.ServiceDefaults.Security.ServiceIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Khcn.ProvinceReference;

/// <summary>
/// Reads the raw catalog from the Provinces service: <c>ListProvinces(include_historical = true)</c>, every page.
/// Any failure to get it becomes UNAVAILABLE with reason <see cref="UnavailableReason"/>: a code is never guessed valid.
/// The catalog is shared by every caller, so it is fetched as the service itself (<see cref="ServiceToken"/>) whenever
/// the service has a token: a caller without <c>provinces.read</c> must not break it for the others, nor decide it for
/// them. Without a service token (development runs with authentication off) the client's usual forwarding applies.
/// </summary>
internal sealed class ProvinceCatalogSource(
    GrpcClientFactory clients,
    string serviceName,
    IConfiguration configuration,
    IOptions<ProvinceReferenceOptions> options,
    ServiceToken serviceToken)
{
    public const string UnavailableReason = "PROVINCES_UNAVAILABLE";

    // A listing that never ends (a server bug) must not loop forever: 87 incarnations fit in one page today.
    private const int MaxPages = 1_000;

    /// <summary>Every incarnation in one message (the shape stored in the shared cache).</summary>
    public async ValueTask<ListProvincesResponse> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var catalog = new ListProvincesResponse();
        try
        {
            var client = clients.CreateClient<ProvincesService.ProvincesServiceClient>(serviceName);
            var request = new ListProvincesRequest { IncludeHistorical = true, PageSize = settings.PageSize };
            for (var page = 0; ; page++)
            {
                if (page == MaxPages)
                {
                    throw Unavailable($"the listing did not end after {MaxPages} pages", innerException: null);
                }

                // The channel measures deadlines on the system clock, whatever TimeProvider the application uses.
                var deadline = DateTime.UtcNow + settings.CallTimeout;
                var response = await client.ListProvincesAsync(
                    request, headers: serviceToken.AuthorizationHeaders(), deadline: deadline, cancellationToken: cancellationToken);
                catalog.Provinces.AddRange(response.Provinces);
                if (response.NextPageToken.Length == 0)
                {
                    break;
                }

                request.PageToken = response.NextPageToken;
            }
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"{e.StatusCode}: {e.Status.Detail}", e);
        }
        catch (InvalidOperationException e)
        {
            // The client factory throws this when no address is configured (or it is not a URI); the service token
            // when its configured file cannot be read.
            throw Unavailable(e.Message, e);
        }

        catalog.TotalSize = catalog.Provinces.Count;
        return catalog;
    }

    private ApiException Unavailable(string detail, Exception? innerException)
    {
        var httpsKey = $"services:{serviceName}:https:0";
        var httpKey = $"services:{serviceName}:http:0";
        var address = configuration[httpsKey] ?? configuration[httpKey];
        var setting = configuration[httpsKey] is not null ? httpsKey : httpKey;
        var configured = address is null ? "is not set" : $"is \"{address}\"";
        return new ApiException(
            ApiErrorCode.Unavailable,
            UnavailableReason,
            $"The Provinces service could not be reached to check province codes ({detail}); its address, configuration " +
            $"setting '{setting}' (environment variable '{setting.Replace(":", "__", StringComparison.Ordinal)}'), {configured}.",
            metadata: new Dictionary<string, string> { ["address_setting"] = setting, ["service"] = serviceName },
            innerException: innerException);
    }
}
