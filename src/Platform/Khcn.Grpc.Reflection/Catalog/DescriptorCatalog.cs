using Google.Protobuf.Reflection;

namespace Grpc.Reflection.Catalog;

/// <summary>
/// Everything server reflection can answer about: the exposed services and the closure of the .proto files
/// they are declared in (imports included), indexed by file name, by fully-qualified symbol and by extension.
/// Immutable once built, so one instance serves every reflection stream concurrently.
/// </summary>
internal sealed class DescriptorCatalog
{
    private readonly List<string> serviceNames = [];
    private readonly Dictionary<string, FileDescriptor> filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> filesBySymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ContainingType, int Number), FileDescriptor> filesByExtension = [];
    private readonly Dictionary<string, SortedSet<int>> extensionNumbersByMessage = new(StringComparer.Ordinal);

    public DescriptorCatalog(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var service in services)
        {
            if (!serviceNames.Contains(service.FullName))
            {
                serviceNames.Add(service.FullName);
            }

            AddFile(service.File);
        }
    }

    /// <summary>Fully-qualified names of the exposed services, in discovery order.</summary>
    public IReadOnlyList<string> ServiceNames => serviceNames;

    public FileDescriptor? FindFileByName(string fileName) => filesByName.GetValueOrDefault(fileName);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => filesBySymbol.GetValueOrDefault(TrimLeadingDot(symbol));

    public FileDescriptor? FindFileContainingExtension(string containingType, int number) =>
        filesByExtension.GetValueOrDefault((TrimLeadingDot(containingType), number));

    /// <summary>The extension numbers known for a message type; null when the type itself is unknown.</summary>
    public IReadOnlyCollection<int>? FindExtensionNumbers(string messageType) =>
        extensionNumbersByMessage.GetValueOrDefault(TrimLeadingDot(messageType));

    // Clients sometimes send the protobuf-internal form ".pkg.Type"; both spellings name the same symbol.
    private static string TrimLeadingDot(string symbol) => symbol.StartsWith('.') ? symbol[1..] : symbol;

    private void AddFile(FileDescriptor file)
    {
        if (!filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        AddScope(file.MessageTypes, file.EnumTypes, file.Extensions.UnorderedExtensions, file);
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        extensionNumbersByMessage.TryAdd(message.FullName, []);

        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(oneof.FullName, file);
        }

        AddScope(message.NestedTypes, message.EnumTypes, message.Extensions.UnorderedExtensions, file);
    }

    /// <summary>The types a file or a message declares at its own level: messages (recursively), enums, extensions.</summary>
    private void AddScope(
        IEnumerable<MessageDescriptor> messages, IEnumerable<EnumDescriptor> enums, IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var message in messages)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in enums)
        {
            AddEnum(enumType, file);
        }

        AddExtensions(extensions, file);
    }

    private void AddEnum(EnumDescriptor enumType, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);

        // protobuf scopes enum values as siblings of their enum ("pkg.RED"), while Google.Protobuf's
        // FullName nests them ("pkg.Color.RED"): answer both spellings.
        var siblingScope = enumType.FullName[..Math.Max(0, enumType.FullName.LastIndexOf('.'))];
        foreach (var value in enumType.Values)
        {
            AddSymbol(value.FullName, file);
            AddSymbol(siblingScope.Length == 0 ? value.Name : $"{siblingScope}.{value.Name}", file);
        }
    }

    private void AddExtensions(IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            var containingType = extension.ExtendeeType.FullName;
            filesByExtension.TryAdd((containingType, extension.FieldNumber), file);
            if (!extensionNumbersByMessage.TryGetValue(containingType, out var numbers))
            {
                // The extended type may live in a file outside the catalog (e.g. descriptor.proto).
                numbers = [];
                extensionNumbersByMessage[containingType] = numbers;
            }

            numbers.Add(extension.FieldNumber);
        }
    }

    // The first file to declare a symbol wins; protobuf forbids duplicates within one pool anyway.
    private void AddSymbol(string symbol, FileDescriptor file) => filesBySymbol.TryAdd(symbol, file);
}
