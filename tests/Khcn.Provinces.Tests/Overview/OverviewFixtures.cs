using Khcn.Provinces.Tests.Infrastructure;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>A service whose dependencies answer from a ledger that the tests read back.</summary>
public interface IAnsweringFixture
{
    SummaryLedger Ledger { get; }
}

// One pair per scenario. Stand-in servers must be listening before the service starts (their addresses are its
// start arguments), hence the re-implemented IAsyncLifetime that starts them first and stops them last.

public sealed class AnsweringDependenciesOnSqlite : SqliteProvincesService, IAnsweringFixture, IAsyncLifetime
{
    private StandIns? _standIns;

    public SummaryLedger Ledger { get; } = new();

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.AnsweringAsync(Ledger);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}

public sealed class AnsweringDependenciesOnPostgreSql : PostgreSqlProvincesService, IAnsweringFixture, IAsyncLifetime
{
    private StandIns? _standIns;

    public SummaryLedger Ledger { get; } = new();

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.AnsweringAsync(Ledger);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}

public sealed class StalledDependenciesOnSqlite : SqliteProvincesService, IAsyncLifetime
{
    private StandIns? _standIns;

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.StalledAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}

public sealed class StalledDependenciesOnPostgreSql : PostgreSqlProvincesService, IAsyncLifetime
{
    private StandIns? _standIns;

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.StalledAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}

public sealed class UnreachableDependenciesOnSqlite : SqliteProvincesService
{
    protected override string[] ExtraArguments { get; } = StandIns.Unreachable().Arguments;
}

public sealed class UnreachableDependenciesOnPostgreSql : PostgreSqlProvincesService
{
    protected override string[] ExtraArguments { get; } = StandIns.Unreachable().Arguments;
}

public sealed class MisconfiguredDependenciesOnSqlite : SqliteProvincesService, IAsyncLifetime
{
    private StandIns? _standIns;

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.MisconfiguredAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}

public sealed class MisconfiguredDependenciesOnPostgreSql : PostgreSqlProvincesService, IAsyncLifetime
{
    private StandIns? _standIns;

    protected override string[] ExtraArguments => _standIns!.Arguments;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _standIns = await StandIns.MisconfiguredAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _standIns!.DisposeAsync();
    }
}
