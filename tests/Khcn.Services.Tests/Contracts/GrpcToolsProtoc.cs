using System.Reflection;
using System.Runtime.InteropServices;

namespace Khcn.Services.Tests.Contracts;

/// <summary>
/// The protoc shipped in the Grpc.Tools package the build already uses, and its well-known .proto files. The package
/// folder is baked into the test assembly at build time: the csproj references Grpc.Tools with GeneratePathProperty
/// and passes $(PkgGrpc_Tools) as the AssemblyMetadata "GrpcToolsPackageDirectory".
/// </summary>
public static class GrpcToolsProtoc
{
    private const string PackageDirectoryKey = "GrpcToolsPackageDirectory";

    public static string PackageDirectory { get; } = ReadPackageDirectory();

    /// <summary>google/protobuf/*.proto, for a --proto_path.</summary>
    public static string IncludeDirectory => Path.Combine(PackageDirectory, "build", "native", "include");

    /// <summary>The protoc executable for this machine, made executable if NuGet extraction dropped the bit.</summary>
    public static string Locate()
    {
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            var other => throw new PlatformNotSupportedException($"Grpc.Tools ships no protoc for {other}."),
        };
        var directory = OperatingSystem.IsMacOS() ? "macosx_universal" : OperatingSystem.IsWindows() ? $"windows_{architecture}" : $"linux_{architecture}";
        var protoc = Path.Combine(PackageDirectory, "tools", directory, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
        if (!File.Exists(protoc))
        {
            throw new FileNotFoundException($"protoc not found in the Grpc.Tools package at {protoc}; run 'dotnet restore'.", protoc);
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(protoc).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(protoc, File.GetUnixFileMode(protoc) | UnixFileMode.UserExecute);
        }

        return protoc;
    }

    private static string ReadPackageDirectory()
    {
        var value = typeof(GrpcToolsProtoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == PackageDirectoryKey)?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"Assembly metadata '{PackageDirectoryKey}' is missing: the test csproj must reference Grpc.Tools with GeneratePathProperty and pass $(PkgGrpc_Tools).")
            : value;
    }
}
