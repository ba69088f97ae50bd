using System.Text.Json;
using Google.Protobuf;

namespace Khcn.Data;

/// <summary>
/// Reads a seed file: a JSON object with one array of contract messages in protobuf JSON, e.g.
/// <c>{"tasks": [{"name": "tasks/lai-chau-2020-2021-khoai-so-nam-khao", ...}]}</c>. Parsing each element with the protobuf parser
/// keeps the seeds in the API's own format (enum names, google.type.Date objects) and rejects unknown fields.
/// </summary>
public static class SeedFile
{
    public static IReadOnlyList<TMessage> Read<TMessage>(string path, string arrayProperty)
        where TMessage : IMessage<TMessage>, new()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty(arrayProperty, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Seed file {path} has no \"{arrayProperty}\" array.");
        }

        var messages = new List<TMessage>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            try
            {
                messages.Add(JsonParser.Default.Parse<TMessage>(element.GetRawText()));
            }
            catch (InvalidProtocolBufferException e)
            {
                throw new InvalidDataException($"Seed file {path}: {arrayProperty}[{index}] is not a valid {typeof(TMessage).Name}: {e.Message}", e);
            }

            index++;
        }

        return messages;
    }
}
