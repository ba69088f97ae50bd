using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Khcn.Services.Tests.Contracts;

/// <summary>
/// The .proto comments are the API documentation other government systems read, so every
/// declaration must have one. Runtime descriptors carry no comments; this test compiles the
/// sources with protoc (the Grpc.Tools one, <see cref="GrpcToolsProtoc"/>) and inspects their source info.
/// </summary>
public class ProtoCommentTests
{
    // FileDescriptorProto / DescriptorProto / EnumDescriptorProto / ServiceDescriptorProto field numbers.
    private const int FileMessageType = 4, FileEnumType = 5, FileService = 6;
    private const int MessageField = 2, MessageNestedType = 3, MessageEnumType = 4;
    private const int EnumValue = 2, ServiceMethod = 2;

    [Fact]
    public void EveryDeclaration_HasALeadingComment()
    {
        var (set, compiled) = CompileWithSourceInfo();
        var contracts = set.File.Where(f => f.Name.StartsWith("khcn/", StringComparison.Ordinal)).ToList();
        Assert.Equal(compiled.Order(StringComparer.Ordinal), contracts.Select(f => f.Name).Order(StringComparer.Ordinal));

        var missing = new List<string>();
        foreach (var file in contracts)
        {
            var commented = file.SourceCodeInfo.Location
                .Where(l => !string.IsNullOrWhiteSpace(l.LeadingComments))
                .Select(l => string.Join('.', l.Path))
                .ToHashSet();

            void Check(string path, string what)
            {
                if (!commented.Contains(path))
                {
                    missing.Add($"{file.Name}: {what}");
                }
            }

            void CheckMessage(DescriptorProto message, string path, string fullName)
            {
                Check(path, fullName);
                for (var i = 0; i < message.Field.Count; i++)
                {
                    Check($"{path}.{MessageField}.{i}", $"{fullName}.{message.Field[i].Name}");
                }
                for (var i = 0; i < message.NestedType.Count; i++)
                {
                    CheckMessage(message.NestedType[i], $"{path}.{MessageNestedType}.{i}", $"{fullName}.{message.NestedType[i].Name}");
                }
                for (var i = 0; i < message.EnumType.Count; i++)
                {
                    CheckEnum(message.EnumType[i], $"{path}.{MessageEnumType}.{i}", $"{fullName}.{message.EnumType[i].Name}");
                }
            }

            void CheckEnum(EnumDescriptorProto enumType, string path, string fullName)
            {
                Check(path, fullName);
                for (var i = 0; i < enumType.Value.Count; i++)
                {
                    Check($"{path}.{EnumValue}.{i}", $"{fullName}.{enumType.Value[i].Name}");
                }
            }

            for (var i = 0; i < file.MessageType.Count; i++)
            {
                CheckMessage(file.MessageType[i], $"{FileMessageType}.{i}", file.MessageType[i].Name);
            }
            for (var i = 0; i < file.EnumType.Count; i++)
            {
                CheckEnum(file.EnumType[i], $"{FileEnumType}.{i}", file.EnumType[i].Name);
            }
            for (var i = 0; i < file.Service.Count; i++)
            {
                Check($"{FileService}.{i}", file.Service[i].Name);
                for (var j = 0; j < file.Service[i].Method.Count; j++)
                {
                    Check($"{FileService}.{i}.{ServiceMethod}.{j}", $"{file.Service[i].Name}.{file.Service[i].Method[j].Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Declarations without a comment:\n" + string.Join('\n', missing));
    }

    private static (FileDescriptorSet Set, List<string> Files) CompileWithSourceInfo()
    {
        var protosRoot = Path.Combine(RepositoryPaths.Root, "src", "Protos");
        var protoc = GrpcToolsProtoc.Locate();
        var output = Path.Combine(Path.GetTempPath(), $"khcn-contracts-{Guid.NewGuid():N}.pb");

        var start = new ProcessStartInfo(protoc)
        {
            WorkingDirectory = protosRoot,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "-I.", "-Iimports", "-I" + GrpcToolsProtoc.IncludeDirectory,
                     "--include_source_info", "--descriptor_set_out=" + output,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var files = Directory.EnumerateFiles(Path.Combine(protosRoot, "khcn"), "*.proto", SearchOption.AllDirectories)
            .Select(proto => Path.GetRelativePath(protosRoot, proto).Replace('\\', '/'))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        try
        {
            return (FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output)), files);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
