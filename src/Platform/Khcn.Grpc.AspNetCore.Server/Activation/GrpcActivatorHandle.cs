namespace Grpc.AspNetCore.Server;

/// <summary>An activated instance plus whether the activator created it (and so must dispose it).</summary>
/// <typeparam name="T">The instance type.</typeparam>
public readonly struct GrpcActivatorHandle<T>(T instance, bool created, object? state)
{
    /// <summary>The activated instance.</summary>
    public T Instance { get; } = instance;

    /// <summary>True when the activator created the instance rather than resolving a DI-owned one.</summary>
    public bool Created { get; } = created;

    /// <summary>Activator-specific state.</summary>
    public object? State { get; } = state;
}
