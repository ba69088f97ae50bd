using System.Globalization;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Calls;

/// <summary>Cached decimal strings for <c>grpc-status</c> so completing a call allocates no string.</summary>
internal static class StatusCodeStrings
{
    private static readonly string[] Cached = CreateCache();

    public static string Get(StatusCode code)
    {
        var value = (int)code;
        return (uint)value < (uint)Cached.Length ? Cached[value] : value.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] CreateCache()
    {
        var cache = new string[17];
        for (var i = 0; i < cache.Length; i++)
        {
            cache[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return cache;
    }
}
