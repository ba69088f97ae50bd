using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// Completes <see cref="Completed"/> once the publisher host has published <c>runs</c> Healthy reports: Healthy means the
/// checks really made their calls. Runs before the server listens (the publisher may start first) fail and are not
/// counted; they must export no span either.
/// </summary>
public sealed class CountingHealthPublisher(int runs) : IHealthCheckPublisher
{
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _published;

    public Task Completed => _completed.Task;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        if (report.Status == HealthStatus.Healthy && Interlocked.Increment(ref _published) >= runs)
        {
            _completed.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
