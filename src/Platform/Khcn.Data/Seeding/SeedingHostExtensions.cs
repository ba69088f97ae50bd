using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Khcn.Data;

public static class SeedingHostExtensions
{
    /// <summary>
    /// Loads the seeds with <typeparamref name="TLoader"/> (registered scoped) before the host starts serving, unless
    /// <see cref="SeedLoadOptions.Load"/> is off. When the Provinces service cannot be reached, the service starts
    /// anyway and the seeds are loaded in the background once it answers (see <see cref="SeedingRetry{TLoader}"/>).
    /// </summary>
    public static async Task LoadSeedsAsync<TLoader, TOptions>(this IHost host, CancellationToken cancellationToken = default)
        where TLoader : ISeedLoader
        where TOptions : SeedLoadOptions
    {
        ArgumentNullException.ThrowIfNull(host);
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<TOptions>>().Value;
        if (!options.Load)
        {
            return;
        }

        var retry = new SeedingRetry<TLoader>(
            services.GetRequiredService<IServiceScopeFactory>(),
            options.RetryInterval,
            services.GetRequiredService<ILogger<TLoader>>());
        if (!await retry.TryLoadAsync(cancellationToken))
        {
            // Not awaited: the loop lives until the seeds are in or the host stops, and logs its own failures.
            _ = retry.StartInBackground(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        }
    }
}
