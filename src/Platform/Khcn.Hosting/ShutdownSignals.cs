using System.Runtime.InteropServices;

namespace Khcn.Hosting;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM end the run gracefully instead of killing the AppHost, so it can stop its resources in
/// order; a second signal kills them at once.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _graceful;
    private readonly CancellationTokenSource _forced = new();
    private readonly PosixSignalRegistration[] _registrations;

    private ShutdownSignals(CancellationToken external)
    {
        _graceful = CancellationTokenSource.CreateLinkedTokenSource(external);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first signal (or by the caller's token).</summary>
    public CancellationToken Token => _graceful.Token;

    /// <summary>Cancelled by a second signal: stop waiting for graceful shutdowns.</summary>
    public CancellationToken Forced => _forced.Token;

    public static ShutdownSignals Listen(CancellationToken external) => new(external);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _graceful.Dispose();
        _forced.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the AppHost decides when to exit: after its children
        if (_graceful.IsCancellationRequested)
        {
            _forced.Cancel();
        }
        else
        {
            _graceful.Cancel();
        }
    }
}
