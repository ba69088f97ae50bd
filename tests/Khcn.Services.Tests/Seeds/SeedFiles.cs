using Khcn.Data;
using System.Text.Json;
using Google.Protobuf;
using Khcn.Provinces.Seeding;

namespace Khcn.Services.Tests.Seeds;

/// <summary>
/// Reads the seed files under the repository's <c>seeds/</c> folder with the service's own reader
/// (<see cref="SeedFile"/>: protobuf JSON, unknown fields rejected), and holds each file to the layout it expects:
/// a JSON object with exactly one array property.
/// </summary>
public static class SeedFiles
{
    public static string SeedsDirectory { get; } = Path.Combine(RepositoryPaths.Root, "seeds");

    public static string PathOf(string relativePath) => Path.Combine(SeedsDirectory, relativePath);

    /// <summary>Parses every element of <paramref name="arrayProperty"/> into <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Load<T>(string relativePath, string arrayProperty)
        where T : IMessage<T>, new()
    {
        var path = PathOf(relativePath);
        using (var document = JsonDocument.Parse(File.ReadAllText(path)))
        {
            // The service reads only its one array; anything beside it would be ignored silently.
            var properties = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            if (properties.Count != 1 || properties[0] != arrayProperty)
            {
                throw new InvalidDataException(
                    $"{relativePath}: expected a single property \"{arrayProperty}\", found [{string.Join(", ", properties)}].");
            }
        }

        return SeedFile.Read<T>(path, arrayProperty);
    }
}
