namespace Grpc.Core;

/// <summary>
/// Callbacks shared by the Async*Call types. Supports two shapes: plain delegates, or static delegates plus
/// a state object (lets transports avoid allocating closures per call).
/// </summary>
internal readonly struct AsyncCallState
{
    private readonly object? _responseHeadersAsync; // Task<Metadata> or Func<object, Task<Metadata>>
    private readonly object _getStatusFunc;         // Func<Status> or Func<object, Status>
    private readonly object _getTrailersFunc;       // Func<Metadata> or Func<object, Metadata>
    private readonly object _disposeAction;         // Action or Action<object>
    private readonly object? _state;

    public AsyncCallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatusFunc = getStatusFunc;
        _getTrailersFunc = getTrailersFunc;
        _disposeAction = disposeAction;
        _state = null;
    }

    public AsyncCallState(
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatusFunc = getStatusFunc;
        _getTrailersFunc = getTrailersFunc;
        _disposeAction = disposeAction;
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync() => _responseHeadersAsync switch
    {
        Task<Metadata> task => task,
        Func<object, Task<Metadata>> func => func(_state!),
        _ => throw new InvalidOperationException("Call state is not initialised."),
    };

    public Status GetStatus() => _getStatusFunc switch
    {
        Func<Status> func => func(),
        Func<object, Status> func => func(_state!),
        _ => throw new InvalidOperationException("Call state is not initialised."),
    };

    public Metadata GetTrailers() => _getTrailersFunc switch
    {
        Func<Metadata> func => func(),
        Func<object, Metadata> func => func(_state!),
        _ => throw new InvalidOperationException("Call state is not initialised."),
    };

    public void Dispose()
    {
        switch (_disposeAction)
        {
            case Action action:
                action();
                break;
            case Action<object> action:
                action(_state!);
                break;
        }
    }
}
