using Khcn.Aip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Data;

/// <summary>
/// Runs a <typeparamref name="TLoader"/> in a scope of its own and, when the Provinces service is unreachable (the
/// loader fails with UNAVAILABLE and writes nothing of the file it was on), tries again every
/// <paramref name="interval"/> in the background until it succeeds or the host stops. A service must not refuse to
/// start because another one is down; its seeds simply arrive late. Logs under the loader's category, so each
/// service's seeding reads as its own.
/// </summary>
public sealed partial class SeedingRetry<TLoader>(IServiceScopeFactory scopes, TimeSpan interval, ILogger<TLoader> logger)
    where TLoader : ISeedLoader
{
    /// <summary>One attempt: true when every file was loaded, false when Provinces could not be reached.</summary>
    public async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<TLoader>().LoadAsync(cancellationToken);
            return true;
        }
        catch (ApiException e) when (e.Code == ApiErrorCode.Unavailable)
        {
            LogProvincesUnavailable(interval, e.Message);
            return false;
        }
    }

    /// <summary>Keeps trying until the seeds are loaded or <paramref name="stopping"/> fires; returns the loop.</summary>
    public Task StartInBackground(CancellationToken stopping) => Task.Run(() => RetryUntilLoadedAsync(stopping), CancellationToken.None);

    private async Task RetryUntilLoadedAsync(CancellationToken stopping)
    {
        try
        {
            do
            {
                await Task.Delay(interval, stopping);
            }
            while (!await TryLoadAsync(stopping));

            LogLoadedLate();
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the next start tries again.
        }
        catch (Exception e)
        {
            // Not an outage of Provinces (a broken file, the database): retrying would only repeat it.
            LogGaveUp(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeds not loaded yet: the Provinces service, which checks their province codes, is unreachable. The service runs without them and tries again every {Interval}. {Reason}")]
    private partial void LogProvincesUnavailable(TimeSpan interval, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeds loaded after the Provinces service became reachable.")]
    private partial void LogLoadedLate();

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the seeds in the background failed; no further attempt until the next start.")]
    private partial void LogGaveUp(Exception exception);
}
