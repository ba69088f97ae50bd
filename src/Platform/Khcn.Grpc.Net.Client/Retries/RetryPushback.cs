using System.Globalization;
using Grpc.Core;

namespace Grpc.Net.Client.Retries;

/// <summary>Interprets the server's <c>grpc-retry-pushback-ms</c> trailer (gRFC A6, "Pushback").</summary>
internal static class RetryPushback
{
    public const string TrailerName = "grpc-retry-pushback-ms";

    /// <summary>
    /// False when the server forbids a retry (a negative or malformed value). Otherwise <paramref name="delay"/> is the
    /// server-chosen delay, or null when the server sent no pushback.
    /// </summary>
    public static bool AllowsRetry(Metadata? trailers, out TimeSpan? delay)
    {
        delay = null;
        var value = trailers?.GetValue(TrailerName);
        if (value is null)
        {
            return true;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        delay = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
