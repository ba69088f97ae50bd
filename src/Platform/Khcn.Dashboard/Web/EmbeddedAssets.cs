using System.Reflection;

namespace Khcn.Dashboard.Web;

/// <summary>The page's files, from the manifest resources the csproj embeds as <c>wwwroot/&lt;relative path&gt;</c>.</summary>
internal static class EmbeddedAssets
{
    private const string ResourcePrefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
    };

    internal static IReadOnlyList<EmbeddedAsset> Load(Assembly assembly)
    {
        var assets = new List<EmbeddedAsset>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            // RecursiveDir keeps the build machine's separator: a Windows build names nested files with '\'.
            var relativePath = resourceName.Replace('\\', '/');
            if (!relativePath.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            relativePath = relativePath[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resourceName)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            assets.Add(new EmbeddedAsset("/" + relativePath, ContentTypeOf(relativePath), buffer.ToArray()));
        }

        return assets;
    }

    private static string ContentTypeOf(string path) =>
        ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType) ? contentType : "application/octet-stream";
}
