using Grpc.Core;
using Khcn.Grpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Moves metadata between <see cref="Metadata"/> and ASP.NET Core header dictionaries using the shared codec rules.</summary>
internal static class HeaderMetadata
{
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                MetadataCodec.AddHeader(metadata, header.Key, value);
            }
        }

        return metadata;
    }

    public static void AddTo(Metadata metadata, IHeaderDictionary target)
    {
        foreach (var entry in metadata)
        {
            if (!MetadataCodec.IsReservedHeader(entry.Key))
            {
                target.Append(entry.Key, MetadataCodec.EncodeValue(entry));
            }
        }
    }
}
