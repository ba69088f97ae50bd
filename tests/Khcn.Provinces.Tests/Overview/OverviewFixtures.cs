using Khcn.Provinces.Tests.Infrastructure;

namespace Khcn.Provinces.Tests.Overview;

/// <summary>A service whose dependencies answer from a ledger that the tests read back.</summary>
public interface IAnsweringFixture
{
    SummaryLedger Ledger { get; }
}

// One pair per scenario: the same stand-ins in front of each provider.

public sealed class AnsweringDependenciesOnSqlite : SqliteProvincesService, IAnsweringFixture
{
    public SummaryLedger Ledger { get; } = new();

    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.AnsweringAsync(Ledger);
}

public sealed class AnsweringDependenciesOnPostgreSql : PostgreSqlProvincesService, IAnsweringFixture
{
    public SummaryLedger Ledger { get; } = new();

    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.AnsweringAsync(Ledger);
}

public sealed class StalledDependenciesOnSqlite : SqliteProvincesService
{
    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.StalledAsync();
}

public sealed class StalledDependenciesOnPostgreSql : PostgreSqlProvincesService
{
    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.StalledAsync();
}

public sealed class UnreachableDependenciesOnSqlite : SqliteProvincesService
{
    protected override Task<IServiceDependencies?> StartDependenciesAsync() => Task.FromResult<IServiceDependencies?>(StandIns.Unreachable());
}

public sealed class UnreachableDependenciesOnPostgreSql : PostgreSqlProvincesService
{
    protected override Task<IServiceDependencies?> StartDependenciesAsync() => Task.FromResult<IServiceDependencies?>(StandIns.Unreachable());
}

public sealed class MisconfiguredDependenciesOnSqlite : SqliteProvincesService
{
    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.MisconfiguredAsync();
}

public sealed class MisconfiguredDependenciesOnPostgreSql : PostgreSqlProvincesService
{
    protected override async Task<IServiceDependencies?> StartDependenciesAsync() => await StandIns.MisconfiguredAsync();
}
