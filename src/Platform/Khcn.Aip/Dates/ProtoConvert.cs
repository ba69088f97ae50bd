using Google.Protobuf.WellKnownTypes;

namespace Khcn.Aip;

/// <summary>Conversions between stored values and the contract's well-known types.</summary>
public static class ProtoConvert
{
    /// <summary>SQLite hands DateTime back without a kind; every stored time is UTC.</summary>
    public static Timestamp ToTimestamp(DateTime utc) =>
        Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTime ToUtc(Timestamp timestamp) => timestamp.ToDateTime();

    /// <summary>A stored yyyymmdd date (0 = unset) as google.type.Date, or null when unset.</summary>
    public static Google.Type.Date? ToDate(int sortable) =>
        sortable == 0 ? null : PartialDate.FromSortable(sortable).ToProto();

    /// <summary>google.type.Date (partial allowed) as yyyymmdd, 0 when unset.</summary>
    public static int ToSortable(Google.Type.Date? date) => PartialDate.FromProto(date)?.ToSortable() ?? 0;

    /// <summary>Midnight of a (possibly partial) date in Viet Nam, as UTC: the real-world time of a dated meeting.</summary>
    public static DateTime ToUtcMidnightInVietnam(int sortable)
    {
        var date = PartialDate.FromSortable(sortable);
        var local = new DateTime(date.Year, Math.Max(date.Month, 1), Math.Max(date.Day, 1), 0, 0, 0, DateTimeKind.Unspecified);
        return DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc);
    }
}
