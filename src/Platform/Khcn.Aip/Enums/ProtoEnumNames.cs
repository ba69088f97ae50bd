using System.Reflection;
using Google.Protobuf.Reflection;

namespace Khcn.Aip;

/// <summary>
/// The contract's name of an enum value ("IN_PROGRESS", not the generated C# "InProgress"): what clients
/// see on the wire and in filters, so error messages and metadata use it too.
/// </summary>
public static class ProtoEnumNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        ProtoEnumValues<TEnum>.NameOf(value);

    /// <summary>
    /// "LEVEL, STATE, …": the contract's names of the values a client may send, in declaration order — every value but
    /// the proto3 zero (<c>…_UNSPECIFIED</c>) — for messages that tell the caller what is allowed.
    /// </summary>
    public static string SpecifiedList<TEnum>()
        where TEnum : struct, Enum =>
        ProtoEnumValues<TEnum>.SpecifiedList;
}

/// <summary>
/// The values of one enum with their proto and C# names, read by reflection once per enum type and shared by
/// <see cref="ProtoEnumNames"/> and filter parsing.
/// </summary>
internal static class ProtoEnumValues<TEnum>
    where TEnum : struct, Enum
{
    public static readonly (string ProtoName, string ClrName, TEnum Value)[] All =
    [
        .. typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f =>
            (f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name, f.Name, (TEnum)f.GetValue(null)!)),
    ];

    /// <summary>See <see cref="ProtoEnumNames.SpecifiedList{TEnum}"/>; built once per enum.</summary>
    public static readonly string SpecifiedList = string.Join(
        ", ", All.Where(v => !EqualityComparer<TEnum>.Default.Equals(v.Value, default)).Select(v => v.ProtoName));

    // Keyed through the value's own ToString, so an aliased value gets the name Enum.ToString picks for it.
    private static readonly Dictionary<TEnum, string> ProtoNames = All
        .Select(v => v.Value)
        .Distinct()
        .ToDictionary(value => value, value => ProtoNameOfField(value.ToString()));

    /// <summary>The proto name of <paramref name="value"/>; an undefined value falls back to its number ("7").</summary>
    public static string NameOf(TEnum value) =>
        ProtoNames.TryGetValue(value, out var name) ? name : value.ToString();

    private static string ProtoNameOfField(string clrName)
    {
        foreach (var (protoName, fieldName, _) in All)
        {
            if (fieldName == clrName)
            {
                return protoName;
            }
        }

        return clrName;
    }
}
