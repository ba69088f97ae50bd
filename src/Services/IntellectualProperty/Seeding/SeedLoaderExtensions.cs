using Microsoft.Extensions.Options;

namespace Khcn.IntellectualProperty.Seeding;

public static class SeedLoaderExtensions
{
    /// <summary>
    /// Loads the seeds (see <see cref="SeedLoader"/>) before the host starts serving, unless <see cref="SeedOptions.Load"/>
    /// is off. When the Provinces service cannot be reached, the service starts anyway and the seeds are loaded in the
    /// background once it answers (see <see cref="SeedingRetry"/>).
    /// </summary>
    public static async Task LoadSeedsAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (!options.Load)
        {
            return;
        }

        var retry = new SeedingRetry(
            services.GetRequiredService<IServiceScopeFactory>(),
            options.RetryInterval,
            services.GetRequiredService<ILogger<SeedingRetry>>());
        if (!await retry.TryLoadAsync(cancellationToken))
        {
            // Not awaited: the loop lives until the seeds are in or the host stops, and logs its own failures.
            _ = retry.StartInBackground(services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        }
    }
}
