using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Khcn.Tests.Telemetry;

/// <summary>Records every Activity of the given sources, sampled with all data, as an OpenTelemetry SDK would.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder(params string[] sourceNames)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sourceNames.Contains(source.Name),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _started.Enqueue,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Started => _started.ToArray();

    public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

    public IReadOnlyList<Activity> StoppedInTrace(ActivityTraceId traceId) => _stopped.Where(a => a.TraceId == traceId).ToArray();

    public void Dispose() => _listener.Dispose();
}

/// <summary>One measurement of a histogram with its tags.</summary>
public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Records the measurements of one instrument of one meter.</summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MeasurementRecorder(string meterName, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copy));
        });
        _listener.Start();
    }

    public IReadOnlyList<Measurement> ForMethod(string method) =>
        _measurements.Where(m => Equals(m.Tags.GetValueOrDefault("rpc.method"), method)).ToArray();

    public void Dispose() => _listener.Dispose();
}
