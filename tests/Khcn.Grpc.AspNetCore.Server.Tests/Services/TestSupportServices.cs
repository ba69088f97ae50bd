using System.Collections.Concurrent;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Services;

/// <summary>Lets tests await what a handler observed (start, cancellation) for a call identified by its request text.</summary>
public sealed class CallObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTime>> _cancelled = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _released = new();

    public Task WhenReleased(string id) => _released.GetOrAdd(id, _ => NewSource()).Task;

    public void Release(string id) => _released.GetOrAdd(id, _ => NewSource()).TrySetResult();

    public Task WhenStarted(string id) => _started.GetOrAdd(id, _ => NewSource()).Task;

    public Task<DateTime> WhenCancelled(string id) => _cancelled.GetOrAdd(id, _ => NewSource<DateTime>()).Task;

    public void Started(string id) => _started.GetOrAdd(id, _ => NewSource()).TrySetResult();

    public void Cancelled(string id, DateTime deadline) => _cancelled.GetOrAdd(id, _ => NewSource<DateTime>()).TrySetResult(deadline);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Counts service instances created and disposed by the server's per-call activation.</summary>
public sealed class ActivationTracker
{
    private int _created;
    private int _disposed;

    public int Created => Volatile.Read(ref _created);

    public int Disposed => Volatile.Read(ref _disposed);

    public int OnCreated() => Interlocked.Increment(ref _created);

    public void OnDisposed() => Interlocked.Increment(ref _disposed);
}

/// <summary>A scoped dependency: one instance per request scope.</summary>
public sealed class ScopedProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}
