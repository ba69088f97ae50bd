using System.Reflection;

namespace Khcn.Tests.Tls;

/// <summary>
/// Locations of a test project's Python scenarios, baked into the test assembly at build time: the csproj passes its
/// own folder as the AssemblyMetadata "TestProjectDirectory", so the tests never guess paths.
/// </summary>
public static class ScenarioPaths
{
    private const string ProjectDirectoryKey = "TestProjectDirectory";

    public static string ProjectDirectory { get; } = Metadata(ProjectDirectoryKey);

    /// <summary>A scenario script of the test project: its Python folder.</summary>
    public static string Script(string fileName) => Path.Combine(ProjectDirectory, "Python", fileName);

    public static string ProtoRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "src", "Protos"));

    public static string ProtoImports => Path.Combine(ProtoRoot, "imports");

    /// <summary>Debian's interpreter, which carries python3-grpcio; KHCN_INTEROP_PYTHON overrides it as in the interop tests.</summary>
    public static string Python => Environment.GetEnvironmentVariable("KHCN_INTEROP_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    private static string Metadata(string key)
    {
        var value = typeof(ScenarioPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: the test csproj must pass $(MSBuildProjectDirectory) under that key (then rebuild).")
            : value;
    }
}
