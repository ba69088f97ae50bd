using Khcn.Data;
using Khcn.IntellectualProperty.Seeding;
using Khcn.Services.Tests;

namespace Khcn.IntellectualProperty.Tests.Seeding;

/// <summary>
/// seeds/ip in the checkout: the file the service copies next to its binary and loads at start, and the SOURCES.md that
/// says where each record comes from.
/// </summary>
internal static class IpSeedFiles
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "seeds", "ip");

    public static string AssetsPath => Path.Combine(Folder, SeedLoader.AssetsFile);

    public static string SourcesPath => Path.Combine(Folder, "SOURCES.md");

    public static IReadOnlyList<Asset> Assets() => SeedFile.Read<Asset>(AssetsPath, SeedLoader.AssetsProperty);
}
