namespace Khcn.Hosting.Health;

/// <summary>One check of whether a resource serves (a service's /health, Redis PING, pg_isready). Never throws: false is "not yet".</summary>
internal interface IHealthProbe : IAsyncDisposable
{
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
