namespace Khcn.Bench.Client;

/// <summary>
/// Shared clock of a run: callers keep calling through warm-up, record only while measuring, and stop
/// when told. One volatile field, because callers read it on every call and must never block on it.
/// </summary>
public sealed class LoadPhase
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Stopped = 2;

    private volatile int _current = WarmingUp;

    public bool IsMeasuring => _current == Measuring;

    public bool IsStopped => _current == Stopped;

    public void StartMeasuring() => _current = Measuring;

    public void Stop() => _current = Stopped;
}
