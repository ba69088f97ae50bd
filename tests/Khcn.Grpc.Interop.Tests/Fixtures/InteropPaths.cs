using System.Reflection;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>Locations baked into the test assembly at build time (see the csproj's AssemblyMetadata items).</summary>
public static class InteropPaths
{
    public static string ProjectDirectory { get; } = Metadata("InteropProjectDirectory");

    public static string ProtoRoot => Path.Combine(ProjectDirectory, "Protos");

    public static string TestProtoRelativePath => Path.Combine("grpc", "testing", "test.proto");

    public static string PythonPeerDirectory => Path.Combine(ProjectDirectory, "peers", "python");

    public static string NodePeerDirectory => Path.Combine(ProjectDirectory, "peers", "node");

    public static string GrpcToolsPackageDirectory { get; } = Metadata("GrpcToolsPackageDirectory");

    private static string Metadata(string key)
    {
        var value = typeof(InteropPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Assembly metadata '{key}' is missing: rebuild Khcn.Grpc.Interop.Tests after a restore.")
            : value;
    }
}
