using System.Reflection;
using Google.Protobuf.Reflection;

namespace Khcn.Services.Tests.Contracts;

/// <summary>
/// Every file descriptor generated into Khcn.Protos from src/Protos/khcn. Found by
/// reflection over the generated "*Reflection" classes so a newly added .proto is
/// checked without anyone remembering to list it here.
/// </summary>
public static class ContractCatalog
{
    public static IReadOnlyList<FileDescriptor> Files { get; } = LoadFiles();

    public static IEnumerable<MessageDescriptor> Messages =>
        Files.SelectMany(f => f.MessageTypes).SelectMany(Flatten);

    public static IEnumerable<EnumDescriptor> Enums =>
        Files.SelectMany(f => f.EnumTypes).Concat(Messages.SelectMany(m => m.EnumTypes));

    public static IEnumerable<MethodDescriptor> Methods =>
        Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static IEnumerable<ServiceDescriptor> Services => Files.SelectMany(f => f.Services);

    public static TheoryData<string> MethodNames(Func<MethodDescriptor, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var method in Methods.Where(predicate))
        {
            data.Add(method.FullName);
        }
        return data;
    }

    public static MethodDescriptor Method(string fullName) => Methods.Single(m => m.FullName == fullName);

    private static IEnumerable<MessageDescriptor> Flatten(MessageDescriptor message) =>
        new[] { message }.Concat(message.NestedTypes.SelectMany(Flatten));

    private static List<FileDescriptor> LoadFiles()
    {
        var assembly = typeof(Khcn.Provinces.V1.Province).Assembly;
        var files = new List<FileDescriptor>();
        foreach (var type in assembly.GetTypes())
        {
            var property = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
            if (property?.PropertyType == typeof(FileDescriptor) && property.GetValue(null) is FileDescriptor file)
            {
                files.Add(file);
            }
        }
        return files.Where(f => f.Package.StartsWith("khcn.", StringComparison.Ordinal)).OrderBy(f => f.Name).ToList();
    }
}
