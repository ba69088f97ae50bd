using System.Text.Json;
using Google.Protobuf;

namespace Khcn.Services.Tests.Seeds;

/// <summary>
/// Reads the seed files under the repository's <c>seeds/</c> folder. Each file is a JSON object
/// with exactly one array property whose elements use the standard protobuf JSON mapping.
/// </summary>
public static class SeedFiles
{
    // Strict on purpose: a misspelt field in a seed file must fail the tests, not vanish silently.
    private static readonly JsonParser StrictParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static string SeedsDirectory { get; } = Path.Combine(FindRepositoryRoot(), "seeds");

    public static string PathOf(string relativePath) => Path.Combine(SeedsDirectory, relativePath);

    /// <summary>Parses every element of <paramref name="arrayProperty"/> into <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Load<T>(string relativePath, string arrayProperty)
        where T : IMessage<T>, new()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(relativePath)));
        var root = document.RootElement;
        var properties = root.EnumerateObject().Select(p => p.Name).ToList();
        if (properties.Count != 1 || properties[0] != arrayProperty)
        {
            throw new InvalidDataException(
                $"{relativePath}: expected a single property \"{arrayProperty}\", found [{string.Join(", ", properties)}].");
        }

        var messages = new List<T>();
        var index = 0;
        foreach (var element in root.GetProperty(arrayProperty).EnumerateArray())
        {
            try
            {
                messages.Add(StrictParser.Parse<T>(element.GetRawText()));
            }
            catch (InvalidProtocolBufferException exception)
            {
                throw new InvalidDataException($"{relativePath}: element {index} is not a valid {typeof(T).Name}: {exception.Message}", exception);
            }
            index++;
        }
        return messages;
    }

    // The test binaries live several folders below the repository; Khcn.sln marks its root.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Khcn.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Khcn.sln above {AppContext.BaseDirectory}.");
    }
}
