using Grpc.AspNetCore.Server;
using Khcn.Data.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Khcn.Audit;

public static class AuditLogExtensions
{
    /// <summary>
    /// Audits every write made through <typeparamref name="TContext"/> during a gRPC call, and serves ListAuditEvents
    /// over it (map it with <see cref="MapAuditLog"/>). Call after AddServiceDefaults and AddKhcnDatabase: the audit
    /// interceptor must run after the authentication interceptor, which AddServiceDefaults registers.
    /// </summary>
    public static IHostApplicationBuilder AddAuditLog<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuditedWrites<TContext>();
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<AuditCallInterceptor>());
        builder.Services.AddScoped(services => new AuditLog(services.GetRequiredService<TContext>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditLog(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<AuditGrpcService>();
        return endpoints;
    }
}
