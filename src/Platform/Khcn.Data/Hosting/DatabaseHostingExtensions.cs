using Khcn.Aip;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khcn.Data;

public static class DatabaseHostingExtensions
{
    /// <summary>Name of the readiness health check registered for the database.</summary>
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers <typeparamref name="TContext"/> (scoped, from a context pool) and <see cref="IDbContextFactory{TContext}"/>.
    /// PostgreSQL when <c>ConnectionStrings:{connectionName}</c> is set (env <c>ConnectionStrings__{connectionName}</c>),
    /// otherwise a SQLite file at <c>Database:{connectionName}:Path</c>, by default
    /// <c>{ContentRootPath}/data/{connectionName}.db</c>; relative paths are relative to the content root.
    /// </summary>
    public static IHostApplicationBuilder AddKhcnDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var (provider, target) = Resolve(builder, connectionName);
        if (provider == DatabaseProvider.Sqlite)
        {
            // Created now, not lazily, so a misconfigured path fails at startup instead of on the first request.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }

        // One pool serves both: the factory (background work, the migrator) and the scoped context handed to RPC
        // handlers; disposing the scope returns the context to the pool.
        builder.Services.AddPooledDbContextFactory<TContext>(options => options.UseKhcnDatabase(provider, target));
        builder.Services.TryAddScoped(services => services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        builder.Services.AddSingleton(typeof(DatabaseProvider), provider);
        // The write rules every resource shares (idempotent creates, etag races) run on the service's one context.
        builder.Services.TryAddScoped(services => new ResourceWrites(services.GetRequiredService<TContext>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<RecordClock>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies pending migrations (platform, then the service's own) before the host serves requests.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost host, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(host);
        var factory = host.Services.GetRequiredService<IDbContextFactory<TContext>>();
        var logger = host.Services.GetService<ILoggerFactory>()?.CreateLogger(typeof(SchemaMigrator).FullName!);
        await using var context = await factory.CreateDbContextAsync(cancellationToken);
        await SchemaMigrator.MigrateAsync(context, logger, cancellationToken);
    }

    private static (DatabaseProvider Provider, string Target) Resolve(IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return (DatabaseProvider.PostgreSql, connectionString);
        }
        var contentRoot = builder.Environment.ContentRootPath;
        var configuredPath = builder.Configuration[$"Database:{connectionName}:Path"];
        var path = string.IsNullOrWhiteSpace(configuredPath)
            ? Path.Combine(contentRoot, "data", $"{connectionName}.db")
            : Path.Combine(contentRoot, configuredPath); // Path.Combine keeps an absolute configured path as is
        return (DatabaseProvider.Sqlite, Path.GetFullPath(path));
    }
}
