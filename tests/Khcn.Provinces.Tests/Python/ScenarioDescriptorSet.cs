using System.Runtime.InteropServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Khcn.Provinces.Tests.Python;

/// <summary>
/// The FileDescriptorSet the Python scenario builds its message classes from: provinces_service.proto and everything
/// it imports, compiled by the protoc shipped in Grpc.Tools, plus google/rpc/status.proto and error_details.proto
/// (no .proto of error_details is on this machine; their descriptors come from Google.Api.CommonProtos, the same
/// definitions our server encodes the error details with).
/// </summary>
public static class ScenarioDescriptorSet
{
    public static async Task<string> BuildAsync(string outputPath)
    {
        var result = await ScriptProcess.RunAsync(
            LocateProtoc(),
            [
                $"--proto_path={ScenarioPaths.ProtoRoot}",
                $"--proto_path={ScenarioPaths.ProtoImports}",
                $"--proto_path={Path.Combine(ScenarioPaths.GrpcToolsPackageDirectory, "build", "native", "include")}",
                $"--descriptor_set_out={outputPath}",
                "--include_imports",
                Path.Combine(ScenarioPaths.ProtoRoot, "khcn", "provinces", "v1", "provinces_service.proto"),
            ],
            TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed ({result.ExitCode}): {result.StandardError}");
        }

        var set = FileDescriptorSet.Parser.ParseFrom(await File.ReadAllBytesAsync(outputPath));
        AddWithDependencies(set, Google.Rpc.StatusReflection.Descriptor);
        AddWithDependencies(set, Google.Rpc.ErrorDetailsReflection.Descriptor);
        await File.WriteAllBytesAsync(outputPath, set.ToByteArray());
        return outputPath;
    }

    // Dependencies go first so that the set reads in build order; files protoc already produced are kept as they are.
    private static void AddWithDependencies(FileDescriptorSet set, FileDescriptor file)
    {
        if (set.File.Any(existing => existing.Name == file.Name))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddWithDependencies(set, dependency);
        }

        set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
    }

    private static string LocateProtoc()
    {
        var architecture = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            var other => throw new PlatformNotSupportedException($"Grpc.Tools ships no protoc for {other}."),
        };
        var directory = OperatingSystem.IsMacOS() ? "macosx_universal" : OperatingSystem.IsWindows() ? $"windows_{architecture}" : $"linux_{architecture}";
        var protoc = Path.Combine(ScenarioPaths.GrpcToolsPackageDirectory, "tools", directory, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");
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
