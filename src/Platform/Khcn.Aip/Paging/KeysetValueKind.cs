namespace Khcn.Aip;

/// <summary>
/// The order key types keyset pagination supports: each has one order shared by SQLite, PostgreSQL and .NET, a
/// comparison EF Core translates, and an exact binary form for page tokens. The numbers are written into tokens.
/// </summary>
internal enum KeysetValueKind : byte
{
    String = 1,
    Int32 = 2,
    Int64 = 3,
    Double = 4,
    Boolean = 5,
    DateTime = 6,
    Enum = 7,
}

internal static class KeysetValueKinds
{
    public const string Supported = "string, int, long, double, bool, an enum or DateTime (not nullable)";

    /// <summary>The kind of a key of type <paramref name="type"/>, or null when keyset pagination cannot seek on it.</summary>
    public static KeysetValueKind? Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsEnum)
        {
            // Enum values travel as a long; ulong is the one underlying type a long cannot hold.
            return Enum.GetUnderlyingType(type) == typeof(ulong) ? null : KeysetValueKind.Enum;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => KeysetValueKind.String,
            TypeCode.Int32 => KeysetValueKind.Int32,
            TypeCode.Int64 => KeysetValueKind.Int64,
            TypeCode.Double => KeysetValueKind.Double,
            TypeCode.Boolean => KeysetValueKind.Boolean,
            TypeCode.DateTime => KeysetValueKind.DateTime,
            _ => null,
        };
    }
}
