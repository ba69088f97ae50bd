namespace Khcn.Provinces.Tests.Infrastructure;

/// <summary>Whatever a fixture starts for the service besides its database; stopped after the service.</summary>
public interface IServiceDependencies : IAsyncDisposable
{
    /// <summary>Command-line settings pointing the service at the dependencies.</summary>
    string[] Arguments { get; }
}
