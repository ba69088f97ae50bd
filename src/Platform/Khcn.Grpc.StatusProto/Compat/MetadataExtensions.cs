using Google.Protobuf;
using Grpc.Core;

namespace Grpc.StatusProto;

/// <summary>Reads and writes the google.rpc.Status carried in the "grpc-status-details-bin" trailer.</summary>
public static class MetadataExtensions
{
    /// <summary>Name of the trailer holding the serialized google.rpc.Status.</summary>
    public const string StatusDetailsTrailerName = "grpc-status-details-bin";

    /// <summary>
    /// The google.rpc.Status in <paramref name="metadata"/> (the last one if repeated), or null if there is none.
    /// A trailer that is not a valid Status yields null, or throws <see cref="InvalidProtocolBufferException"/>
    /// when <paramref name="throwOnParseError"/> is set.
    /// </summary>
    public static Google.Rpc.Status? GetRpcStatus(this Metadata metadata, bool throwOnParseError = false)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var entry = metadata.Get(StatusDetailsTrailerName);
        if (entry is null || !entry.IsBinary)
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        }
        catch (InvalidProtocolBufferException) when (!throwOnParseError)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="status"/> in the trailer, replacing any previous value.</summary>
    public static void SetRpcStatus(this Metadata metadata, Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(status);
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (string.Equals(metadata[i].Key, StatusDetailsTrailerName, StringComparison.Ordinal))
            {
                metadata.RemoveAt(i);
            }
        }

        metadata.Add(StatusDetailsTrailerName, status.ToByteArray());
    }
}
