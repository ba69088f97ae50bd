using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Khcn.Aip;

/// <summary>
/// The contract's name of an enum value ("IN_PROGRESS", not the generated C# "InProgress"): what clients
/// see on the wire and in filters, so error messages and metadata use it too.
/// </summary>
public static class ProtoEnumNames
{
    private static readonly ConcurrentDictionary<(Type, object), string> Names = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd((typeof(TEnum), value), static key =>
        {
            var name = key.Item2.ToString()!;
            var field = key.Item1.GetField(name, BindingFlags.Public | BindingFlags.Static);
            return field?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? name;
        });
}
