using Google.Protobuf;
using Google.Protobuf.Reflection;
using Khcn.Grpc.Interop.Tests.Fixtures;
using Khcn.Services.Tests.Contracts;

namespace Khcn.Tests.Tls;

/// <summary>
/// The FileDescriptorSet a Python scenario builds its message classes from: a service's .proto and everything it
/// imports, compiled by the protoc shipped in Grpc.Tools, plus google/rpc/status.proto and error_details.proto
/// (no .proto of error_details is on this machine; their descriptors come from Google.Api.CommonProtos, the same
/// definitions our servers encode the error details with).
/// </summary>
public static class ScenarioDescriptorSet
{
    /// <param name="serviceProto">The service's file under src/Protos, e.g. "khcn/tasks/v1/tasks_service.proto".</param>
    /// <param name="outputPath">Where to write the set.</param>
    public static async Task<string> BuildAsync(string serviceProto, string outputPath)
    {
        var result = await ChildProcess.RunAsync(
            GrpcToolsProtoc.Locate(),
            [
                $"--proto_path={ScenarioPaths.ProtoRoot}",
                $"--proto_path={ScenarioPaths.ProtoImports}",
                $"--proto_path={GrpcToolsProtoc.IncludeDirectory}",
                $"--descriptor_set_out={outputPath}",
                "--include_imports",
                Path.Combine(ScenarioPaths.ProtoRoot, serviceProto),
            ],
            ScenarioPaths.ProtoRoot,
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
}
