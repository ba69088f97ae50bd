using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Khcn.Data;

/// <summary>
/// SQLite stores DateTime as text without a zone and reads it back as <see cref="DateTimeKind.Unspecified"/>, which
/// Google.Protobuf's Timestamp.FromDateTime rejects. This marks every DateTime as UTC on the way in and out, so both
/// providers hand services UTC values (PostgreSQL already does: timestamptz).
/// </summary>
public static class UtcDateTimeConvention
{
    private static readonly ValueConverter<DateTime, DateTime> Converter = new(
        value => ToUtc(value),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableConverter = new(
        value => value.HasValue ? ToUtc(value.Value) : value,
        value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : value);

    /// <summary>Applies the UTC conversion to every DateTime property that has no converter of its own.</summary>
    public static void ApplyUtcDateTimes(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.GetValueConverter() is not null) continue;
                if (property.ClrType == typeof(DateTime)) property.SetValueConverter(Converter);
                else if (property.ClrType == typeof(DateTime?)) property.SetValueConverter(NullableConverter);
            }
        }
    }

    // Unspecified is taken to be UTC already: services only ever create times with DateTime.UtcNow or from Timestamps.
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
