using System.Reflection;

namespace Khcn.Provinces.Tests.Python;

/// <summary>Locations baked into the test assembly at build time (the csproj's AssemblyMetadata items).</summary>
public static class ScenarioPaths
{
    public static string ProjectDirectory { get; } = Metadata("ProvincesTestsProjectDirectory");

    public static string Script => Path.Combine(ProjectDirectory, "Python", "provinces_scenario.py");

    public static string ProtoRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "src", "Protos"));

    public static string ProtoImports => Path.Combine(ProtoRoot, "imports");

    /// <summary>Debian's interpreter, which carries python3-grpcio; KHCN_INTEROP_PYTHON overrides it as in the interop tests.</summary>
    public static string Python => Environment.GetEnvironmentVariable("KHCN_INTEROP_PYTHON") is { Length: > 0 } python ? python : "/usr/bin/python3";

    private static string Metadata(string key)
    {
        var value = typeof(ScenarioPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: rebuild Khcn.Provinces.Tests after a restore.")
            : value;
    }
}
