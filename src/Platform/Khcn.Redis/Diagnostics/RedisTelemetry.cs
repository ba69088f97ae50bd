using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Khcn.Redis.Diagnostics;

/// <summary>
/// Spans and metrics following OpenTelemetry's database semantic conventions for Redis: the span is
/// named after the command, carries <c>db.system.name=redis</c>, <c>db.operation.name</c>,
/// <c>db.namespace</c> (database index) and the server endpoint — never keys or values.
/// </summary>
public static class RedisTelemetry
{
    /// <summary>Name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string SourceName = "Khcn.Redis";

    internal static readonly ActivitySource ActivitySource = new(SourceName);
    internal static readonly Meter Meter = new(SourceName);

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", unit: "s", description: "Duration of Redis commands, from queueing to reply.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5] });

    internal static Activity? StartCommand(RedisCommand command, RedisOptions options)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }
        var activity = ActivitySource.StartActivity(command.Name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "redis");
            activity.SetTag("db.operation.name", command.Name);
            activity.SetTag("db.namespace", options.DefaultDatabase.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetTag("server.address", options.Host);
            activity.SetTag("server.port", options.Port);
        }
        return activity;
    }

    internal static void RecordOutcome(Activity? activity, RedisCommand command, RedisOptions options, long startTimestamp, Exception? error)
    {
        string? errorType = null;
        string? statusCode = null;
        if (error is not null)
        {
            (errorType, statusCode) = error switch
            {
                RedisServerException server => (server.ErrorCode, server.ErrorCode),
                RedisTimeoutException => ("timeout", null),
                OperationCanceledException => ("cancelled", null),
                _ => (error.GetType().FullName, null),
            };
            if (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                activity.SetTag("error.type", errorType);
                if (statusCode is not null) activity.SetTag("db.response.status_code", statusCode);
            }
        }
        activity?.Dispose();

        if (OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { "db.system.name", "redis" },
                { "db.operation.name", command.Name },
                { "server.address", options.Host },
                { "server.port", options.Port },
            };
            if (errorType is not null) tags.Add("error.type", errorType);
            OperationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        }
    }
}
