namespace Khcn.IntellectualProperty.Application.Origins;

/// <summary>
/// Where origin tasks are looked up: the Tasks service in production. An interface so that the holder rule and the
/// validation around it can be exercised without one.
/// </summary>
public interface IOriginTaskDirectory
{
    /// <summary>
    /// The task named <paramref name="name"/> ("tasks/{task}"), or null when the Tasks service has none. Throws
    /// UNAVAILABLE (reason <see cref="OriginErrors.TasksUnavailableReason"/>) when the Tasks service cannot be asked:
    /// an origin task is never guessed to exist.
    /// </summary>
    Task<OriginTask?> FindAsync(string name, CancellationToken cancellationToken);
}
