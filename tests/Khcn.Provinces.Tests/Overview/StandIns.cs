using Khcn.Provinces.Tests.Infrastructure;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>
/// The Tasks and IntellectualProperty services as the overview meets them in a test: real in-process servers, or
/// addresses where nothing listens. <see cref="Arguments"/> point the Provinces service at them.
/// </summary>
public sealed class StandIns : IServiceDependencies
{
    private readonly LoopbackApp? _server;

    private StandIns(LoopbackApp? server, string[] arguments)
    {
        _server = server;
        Arguments = arguments;
    }

    /// <summary>Command-line settings for the Provinces service.</summary>
    public string[] Arguments { get; }

    /// <summary>Both services answer their summaries from <paramref name="ledger"/> and record the requests.</summary>
    public static async Task<StandIns> AnsweringAsync(SummaryLedger ledger)
    {
        var server = await DependencyServer.StartAsync(
            services => services.AddSingleton(ledger),
            app =>
            {
                app.MapGrpcService<RecordingTasksService>();
                app.MapGrpcService<RecordingIntellectualPropertyService>();
            });
        // Not a deadline test: a generous deadline keeps a loaded machine from turning slow answers into missing parts.
        return new StandIns(server, [.. AddressesOf(server.Address, server.Address), "--Overview:DependencyDeadline=00:00:15"]);
    }

    /// <summary>Neither service ever answers; the overview waits <see cref="ShortDeadline"/> for them.</summary>
    public static async Task<StandIns> StalledAsync()
    {
        var server = await DependencyServer.StartAsync(
            _ => { },
            app =>
            {
                app.MapGrpcService<SilentTasksService>();
                app.MapGrpcService<SilentIntellectualPropertyService>();
            });
        return new StandIns(server, [.. AddressesOf(server.Address, server.Address), $"--Overview:DependencyDeadline={ShortDeadline:c}"]);
    }

    /// <summary>
    /// No address is configured for Tasks; IntellectualProperty is an older build without SummarizeAssets. The
    /// deadline is generous: neither answer involves waiting, and a loaded test machine must not turn them into
    /// DEADLINE_EXCEEDED.
    /// </summary>
    public static async Task<StandIns> MisconfiguredAsync()
    {
        var server = await DependencyServer.StartAsync(_ => { }, app => app.MapGrpcService<OlderIntellectualPropertyService>());
        return new StandIns(server, [$"--services:ip:http:0={server.Address}", "--Overview:DependencyDeadline=00:00:15"]);
    }

    /// <summary>
    /// Both addresses configured, nothing listening behind them. The deadline is long enough for the clients' retries
    /// of UNAVAILABLE (at most 5 attempts, under 1.5 s of backoff) to give up first, so the answer is the
    /// dependency's own UNAVAILABLE rather than the overview's deadline.
    /// </summary>
    public static StandIns Unreachable() =>
        new(null, [.. AddressesOf(ClosedPort.NewAddress(), ClosedPort.NewAddress()), "--Overview:DependencyDeadline=00:00:15"]);

    public static TimeSpan ShortDeadline { get; } = TimeSpan.FromMilliseconds(300);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static string[] AddressesOf(Uri tasks, Uri intellectualProperty) =>
        [$"--services:tasks:http:0={tasks}", $"--services:ip:http:0={intellectualProperty}"];
}
