using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Khcn.Data.Tests.Seeding;

public sealed class SeedingRetryTests
{
    private static readonly TimeSpan ShortInterval = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task AnAttemptReportsWhetherProvincesWasReachable()
    {
        var script = new SeedScript { Outages = 1 };
        var retry = Retry(script);

        Assert.False(await retry.TryLoadAsync(CancellationToken.None));
        Assert.True(await retry.TryLoadAsync(CancellationToken.None));
        Assert.Equal(1, script.Loads);
    }

    [Fact]
    public async Task AFailureOtherThanAnOutageIsNotSwallowed()
    {
        var script = new SeedScript { Failure = new InvalidDataException("broken seed file") };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Retry(script).TryLoadAsync(CancellationToken.None));

        Assert.Equal("broken seed file", error.Message);
    }

    [Fact]
    public async Task TheBackgroundLoopTriesAgainUntilTheSeedsAreLoaded()
    {
        var script = new SeedScript { Outages = 3 };

        await Retry(script).StartInBackground(CancellationToken.None);

        Assert.Equal(4, script.Attempts);
        Assert.Equal(1, script.Loads);
    }

    [Fact]
    public async Task TheBackgroundLoopGivesUpOnAFailureThatIsNotAnOutage()
    {
        var script = new SeedScript { Outages = 1, Failure = new InvalidDataException("broken seed file") };

        await Retry(script).StartInBackground(CancellationToken.None);

        Assert.Equal(2, script.Attempts);
        Assert.Equal(0, script.Loads);
    }

    [Fact]
    public async Task TheBackgroundLoopStopsQuietlyWithTheHost()
    {
        var script = new SeedScript { Outages = int.MaxValue };
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Retry(script).StartInBackground(stopping.Token);

        Assert.Equal(0, script.Loads);
    }

    [Fact]
    public async Task StartupLoadsTheSeedsBeforeServing()
    {
        var script = new SeedScript();
        using var host = Host(script, load: true);

        await host.LoadSeedsAsync<ScriptedSeedLoader, ScriptedSeedOptions>();

        Assert.Equal(1, script.Loads);
    }

    [Fact]
    public async Task StartupLoadsNothingWhenSeedsAreSwitchedOff()
    {
        var script = new SeedScript();
        using var host = Host(script, load: false);

        await host.LoadSeedsAsync<ScriptedSeedLoader, ScriptedSeedOptions>();

        Assert.Equal(0, script.Attempts);
    }

    [Fact]
    public async Task StartupDoesNotWaitForProvincesAndFailsNothing()
    {
        var script = new SeedScript { Outages = int.MaxValue };
        using var host = Host(script, load: true, retryInterval: TimeSpan.FromHours(1));

        await host.LoadSeedsAsync<ScriptedSeedLoader, ScriptedSeedOptions>();

        Assert.Equal(1, script.Attempts);
        Assert.Equal(0, script.Loads);
        // Ends the background loop, which would otherwise wait out its hour.
        await host.StopAsync();
    }

    private static SeedingRetry<ScriptedSeedLoader> Retry(SeedScript script)
    {
        var services = new ServiceCollection().AddSingleton(script).AddScoped<ScriptedSeedLoader>().BuildServiceProvider();
        return new SeedingRetry<ScriptedSeedLoader>(
            services.GetRequiredService<IServiceScopeFactory>(), ShortInterval, NullLogger<ScriptedSeedLoader>.Instance);
    }

    private static IHost Host(SeedScript script, bool load, TimeSpan? retryInterval = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(script).AddScoped<ScriptedSeedLoader>();
        builder.Services.Configure<ScriptedSeedOptions>(options =>
        {
            options.Load = load;
            options.RetryInterval = retryInterval ?? ShortInterval;
        });
        return builder.Build();
    }
}
