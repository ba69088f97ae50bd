using System.Runtime.InteropServices;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>
/// Compiles the interop proto into a FileDescriptorSet with the protoc shipped in Grpc.Tools.
/// The Python peer builds its message classes from it, since no Python code generator matching
/// Debian's protobuf runtime is installed.
/// </summary>
public static class ProtocDescriptorSet
{
    public static async Task<string> BuildAsync(string outputPath)
    {
        var protoc = LocateProtoc();
        var result = await ChildProcess.RunAsync(
            protoc,
            [
                $"--proto_path={InteropPaths.ProtoRoot}",
                $"--descriptor_set_out={outputPath}",
                "--include_imports",
                InteropPaths.TestProtoRelativePath,
            ],
            InteropPaths.ProjectDirectory,
            TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed ({result.ExitCode}): {result.StandardError}");
        }

        return outputPath;
    }

    private static string LocateProtoc()
    {
        var platform = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            var other => throw new PlatformNotSupportedException($"Grpc.Tools ships no protoc for {other}."),
        };
        var directory = OperatingSystem.IsMacOS() ? "macosx_universal" : $"{platform}_{architecture}";
        var protoc = Path.Combine(InteropPaths.GrpcToolsPackageDirectory, "tools", directory, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
        if (!File.Exists(protoc))
        {
            throw new FileNotFoundException($"protoc not found in the Grpc.Tools package at {protoc}; run 'dotnet restore'.", protoc);
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(protoc).HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet extraction may drop the execute bit.
            File.SetUnixFileMode(protoc, File.GetUnixFileMode(protoc) | UnixFileMode.UserExecute);
        }

        return protoc;
    }
}
