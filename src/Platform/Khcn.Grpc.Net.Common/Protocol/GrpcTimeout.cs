using System.Globalization;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// The grpc-timeout header: "TimeoutValue TimeoutUnit" where the value is at most 8 ASCII digits and the
/// unit is H (hours), M (minutes), S (seconds), m (milliseconds), u (microseconds) or n (nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    /// <summary>Largest value the 8-digit field can carry.</summary>
    public const long MaxValue = 99_999_999;

    private const long NanosecondsPerTick = 100;

    // Units from finest to coarsest, with their length in ticks (nanoseconds are handled separately:
    // a tick is 100 ns, so a nanosecond is a fraction of a tick).
    private static readonly (char Unit, long Ticks)[] CoarseUnits =
    [
        ('u', TimeSpan.TicksPerMicrosecond),
        ('m', TimeSpan.TicksPerMillisecond),
        ('S', TimeSpan.TicksPerSecond),
        ('M', TimeSpan.TicksPerMinute),
        ('H', TimeSpan.TicksPerHour),
    ];

    /// <summary>
    /// Formats a timeout with the finest unit whose value fits in 8 digits, rounding up so the peer never sees a
    /// shorter timeout than the caller asked for. Zero or negative timeouts become "1n" (already expired, but a
    /// valid header); timeouts beyond the largest representable value are clamped to "99999999H".
    /// </summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = timeout.Ticks;
        if (ticks <= 0)
        {
            return "1n";
        }

        if (ticks <= MaxValue / NanosecondsPerTick)
        {
            return (ticks * NanosecondsPerTick).ToString(CultureInfo.InvariantCulture) + "n";
        }

        foreach (var (unit, unitTicks) in CoarseUnits)
        {
            var value = CeilingDivide(ticks, unitTicks);
            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Parses a grpc-timeout header value. Rejects empty values, more than 8 digits, signs, spaces and unknown units.</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        long? ticks = value[^1] switch
        {
            'n' => CeilingDivide(amount, NanosecondsPerTick),
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'S' => amount * TimeSpan.TicksPerSecond,
            'M' => amount * TimeSpan.TicksPerMinute,
            'H' => amount * TimeSpan.TicksPerHour,
            _ => null,
        };

        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    // Written without (value + divisor - 1) so values near long.MaxValue cannot overflow.
    private static long CeilingDivide(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);
}
