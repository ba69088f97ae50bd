using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Khcn.ServiceDefaults.Security;
using Khcn.ServiceDefaults.Security.ServiceIdentity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>How one Khcn service calls another.</summary>
public static class ServiceClientExtensions
{
    /// <summary>
    /// Registers a generated client of another Khcn service. Its address comes from configuration by
    /// Aspire's service-discovery convention (<c>services__{name}__http__0</c>), and UNAVAILABLE is
    /// retried with backoff for the idempotent methods of <paramref name="service"/> only (Get, List,
    /// Resolve, Summarize, … by AIP naming): re-sending a Create or a lifecycle transition could apply
    /// it twice, so those fail fast and their callers decide.
    /// Calls carry the caller's token, or outside a call the service's own (<see cref="ServiceToken"/>,
    /// <c>Authentication:ServiceToken:File</c>); over https they trust <c>Authentication:ServiceClients:TrustedAuthorities</c>
    /// and present <c>Authentication:ServiceClients:Certificate</c>/<c>Key</c> when set.
    /// </summary>
    public static IGrpcClientBuilder AddServiceClient<TClient>(this IHostApplicationBuilder builder, string name, ServiceDescriptor service)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(service);

        var retries = RetryPolicies.IdempotentUnavailable(service.FullName, service.Methods.Select(m => m.Name));
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<ServiceToken>();
        var configuration = builder.Configuration;
        return builder.Services.AddGrpcClient<TClient>(name)
            .ConfigureChannel(options =>
            {
                options.ServiceConfig = new ServiceConfig { MethodConfigs = { retries } };
                if (ServiceClientTransport.CreateHandler(configuration) is { } handler)
                {
                    options.HttpHandler = handler;
                    options.DisposeHttpClient = true;
                }
            })
            .AddInterceptor(static services => new CallerTokenForwardingInterceptor(
                services.GetRequiredService<IHttpContextAccessor>(), services.GetRequiredService<ServiceToken>()));
    }
}
