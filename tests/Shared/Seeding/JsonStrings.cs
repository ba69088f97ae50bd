using System.Text.Json;

namespace Khcn.Tests.Seeding;

/// <summary>
/// Every string in a JSON file, values and property names alike, with the path where it occurs: seed files must hold
/// Vietnamese text in NFC everywhere, and a failing check should name the place to fix.
/// </summary>
public static class JsonStrings
{
    /// <summary>The strings of the JSON file at <paramref name="filePath"/>, paths starting at "$".</summary>
    public static IReadOnlyList<(string Path, string Value)> InFile(string filePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(filePath));
        return [.. Of(document.RootElement, "$")];
    }

    private static IEnumerable<(string Path, string Value)> Of(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return (path, element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return ($"{path} (property name)", property.Name);
                    foreach (var nested in Of(property.Value, $"{path}.{property.Name}"))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in Of(item, $"{path}[{index++}]"))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
