namespace Khcn.Tasks.Application.History;

/// <summary>
/// Wakes the change-feed readers of this process when history was committed, so a watcher sees a change at once
/// instead of at its next poll. Readers still poll (other instances write too): the signal only cuts latency.
/// </summary>
public sealed class TaskChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes when the next commit with history happens.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
