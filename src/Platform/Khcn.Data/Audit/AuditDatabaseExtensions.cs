using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Data.Audit;

public static class AuditDatabaseExtensions
{
    /// <summary>
    /// Adds <see cref="AuditSaveChangesInterceptor"/> to <typeparamref name="TContext"/>'s options, whichever way the
    /// context is registered (AddKhcnDatabase's pooled factory included). The context's model must call
    /// <see cref="AuditModel.AddAuditEvents"/>.
    /// </summary>
    public static IServiceCollection AddAuditedWrites<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.ConfigureDbContext<TContext>(options => options.AddInterceptors(AuditSaveChangesInterceptor.Instance));
    }
}
