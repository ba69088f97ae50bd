using System.Reflection;
using System.Runtime.InteropServices;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>
/// The protoc shipped in the Grpc.Tools package this project builds with. The package folder is written
/// into the test assembly at build time (GeneratePathProperty), so no home directory is assumed.
/// </summary>
public static class ProtocPaths
{
    public static string PackageRoot { get; } =
        typeof(ProtocPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "GrpcToolsPackagePath").Value
        ?? throw new InvalidOperationException("The Grpc.Tools package path was not recorded at build time.");

    public static string Protoc => Path.Combine(PackageRoot, "tools", ToolsPlatform, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");

    /// <summary>Where Grpc.Tools keeps the well-known types (google/protobuf/*.proto).</summary>
    public static string WellKnownProtos => Path.Combine(PackageRoot, "build", "native", "include");

    private static string ToolsPlatform
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
            var cpu = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                _ => "x64",
            };
            return $"{os}_{cpu}";
        }
    }
}
