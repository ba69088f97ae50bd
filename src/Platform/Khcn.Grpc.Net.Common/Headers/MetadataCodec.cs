using Grpc.Core;

namespace Khcn.Grpc.Protocol;

/// <summary>
/// Converts between <see cref="Metadata"/> and HTTP/2 header fields. Binary ("-bin") values travel as base64:
/// emitted unpadded (as the spec recommends) and accepted padded or unpadded. Header fields owned by the
/// transport (pseudo headers, content-type, te, grpc-status, grpc-timeout, ...) never appear in Metadata.
/// </summary>
public static class MetadataCodec
{
    // Headers the gRPC transport itself reads or writes; exposing them as metadata would let applications
    // spoof or break the protocol. grpc-status-details-bin is deliberately NOT here: it is application-visible
    // (Grpc.StatusProto reads it from RpcException.Trailers).
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        GrpcProtocolConstants.ContentTypeHeader,
        GrpcProtocolConstants.TeHeader,
        GrpcProtocolConstants.HostHeader,
        GrpcProtocolConstants.StatusTrailer,
        GrpcProtocolConstants.MessageTrailer,
        GrpcProtocolConstants.TimeoutHeader,
        GrpcProtocolConstants.MessageEncodingHeader,
        GrpcProtocolConstants.MessageAcceptEncodingHeader,
        "content-length",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "upgrade",
        "accept-encoding",
    };

    /// <summary>True for header fields the transport owns (see class remarks); they are skipped in both directions.</summary>
    public static bool IsReservedHeader(string name) => name.StartsWith(':') || ReservedHeaders.Contains(name);

    /// <summary>The header fields to send for <paramref name="metadata"/>, in order, reserved keys skipped.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToHeaders(Metadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var entry in metadata)
        {
            if (!IsReservedHeader(entry.Key))
            {
                yield return new KeyValuePair<string, string>(entry.Key, EncodeValue(entry));
            }
        }
    }

    /// <summary>Header value of one entry: the string as-is, or unpadded base64 for binary entries.</summary>
    public static string EncodeValue(Metadata.Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;
    }

    /// <summary>Builds metadata from header fields (e.g. HttpResponseMessage.Headers / TrailingHeaders).</summary>
    public static Metadata FromHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                AddHeader(metadata, name, value);
            }
        }

        return metadata;
    }

    /// <summary>
    /// Adds one received header field to <paramref name="metadata"/>. Returns false when it was skipped: reserved,
    /// a name that is not a legal metadata key, or a "-bin" value that is not base64.
    /// A "-bin" field may hold several comma-separated values (repeated fields joined by a proxy); each becomes an entry.
    /// </summary>
    public static bool AddHeader(Metadata metadata, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(name);
        if (value is null || IsReservedHeader(name) || !IsLegalKey(name))
        {
            return false;
        }

        if (!name.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase))
        {
            metadata.Add(name, value);
            return true;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var decoded = new byte[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryDecodeBase64(parts[i], out decoded[i]))
            {
                return false;
            }
        }

        foreach (var bytes in decoded)
        {
            metadata.Add(name, bytes);
        }

        return true;
    }

    /// <summary>Decodes standard base64 with or without '=' padding.</summary>
    public static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        bytes = [];
        var padded = (value.Length % 4) switch
        {
            0 => value,
            2 => value + "==",
            3 => value + "=",
            _ => null,
        };

        if (padded is null)
        {
            return false;
        }

        var buffer = new byte[padded.Length / 4 * 3];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }

    private static bool IsLegalKey(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            var legal = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-';
            if (!legal)
            {
                return false;
            }
        }

        return true;
    }
}
