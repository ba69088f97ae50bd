using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Khcn.Grpc.StandardServices.Tests.Infrastructure;

/// <summary>Rebuilds live descriptors from the serialized FileDescriptorProtos a reflection client received.</summary>
public static class DescriptorRebuilder
{
    /// <summary>
    /// Orders the files so that imports come first (as <see cref="FileDescriptor.BuildFromByteStrings(IEnumerable{ByteString})"/>
    /// requires) and builds them; fails when any import is missing from <paramref name="files"/>.
    /// </summary>
    public static IReadOnlyList<FileDescriptor> Rebuild(IEnumerable<ByteString> files)
    {
        var protos = files.Select(FileDescriptorProto.Parser.ParseFrom).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var ordered = new List<ByteString>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string name)
        {
            if (!visited.Add(name))
            {
                return;
            }

            Assert.True(protos.TryGetValue(name, out var proto), $"Reflection did not send the dependency '{name}'.");
            foreach (var dependency in proto!.Dependency)
            {
                Visit(dependency);
            }

            ordered.Add(proto.ToByteString());
        }

        foreach (var name in protos.Keys)
        {
            Visit(name);
        }

        return FileDescriptor.BuildFromByteStrings(ordered);
    }
}
