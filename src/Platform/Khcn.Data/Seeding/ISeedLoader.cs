namespace Khcn.Data;

/// <summary>
/// A service's start-up seed loader, run in a scope of its own by <see cref="SeedingRetry{TLoader}"/>. It fails with
/// UNAVAILABLE (and writes nothing of the file it was on) when a service its validation needs cannot be reached.
/// </summary>
public interface ISeedLoader
{
    Task LoadAsync(CancellationToken cancellationToken = default);
}
