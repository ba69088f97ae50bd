using Google.Protobuf.WellKnownTypes;

namespace Khcn.Aip;

/// <summary>
/// The who/when/why every lifecycle verb carries (AIP-136 custom methods of recommendations and directives):
/// actor REQUIRED, event time defaulting to now, recorded now.
/// </summary>
public static class TransitionInput
{
    // google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    public static Transition Read(Validator validator, string? actor, Timestamp? eventTime, string? reason, string? documentReference, DateTime now)
    {
        validator.Required(actor, "actor");
        var happened = now;
        if (eventTime is not null)
        {
            if (eventTime.Nanos is < 0 or > 999_999_999 || eventTime.Seconds is < MinSeconds or > MaxSeconds)
            {
                validator.Add("event_time", "is not a valid timestamp");
            }
            else
            {
                // Whole microseconds, like every other recorded time: what a write returns equals what a read returns.
                var utc = eventTime.ToDateTime();
                happened = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
            }
        }

        return new Transition(Nfc.Of(actor), happened, Nfc.Of(reason), Nfc.Of(documentReference), now);
    }
}
