using System.Globalization;

namespace Khcn.Redis;

/// <summary>
/// Parses <c>host:port,password=…,user=…,ssl=true,defaultDatabase=N,connectTimeout=ms,syncTimeout=ms,abortConnect=false</c>,
/// the StackExchange.Redis form that Aspire writes into <c>ConnectionStrings__cache</c>.
/// </summary>
internal static class RedisConnectionStringParser
{
    // Options of the StackExchange.Redis form that have no meaning for a single-endpoint client; accepted so
    // that connection strings produced for that client keep working here.
    private static readonly HashSet<string> IgnoredKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "allowAdmin", "asyncTimeout", "channelPrefix", "checkCertificateRevocation", "configChannel", "configCheckSeconds",
        "connectRetry", "keepAlive", "resolveDns", "serviceName", "setlib", "tiebreaker", "version", "responseTimeout",
    };

    public static RedisOptions Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new RedisOptions();
        var sawEndpoint = false;
        foreach (var rawPart in connectionString.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = rawPart.IndexOf('=');
            if (equals < 0)
            {
                if (!sawEndpoint)
                {
                    options = ParseEndpoint(rawPart, options);
                    sawEndpoint = true;
                }
                continue; // further endpoints (replicas) are not used by this single-endpoint client
            }
            var key = rawPart[..equals].Trim();
            var value = rawPart[(equals + 1)..].Trim();
            options = key.ToLowerInvariant() switch
            {
                "password" => options with { Password = value },
                "user" => options with { User = value },
                "ssl" => options with { Ssl = ParseBool(key, value) },
                "sslhost" => options with { SslHost = value },
                "defaultdatabase" => options with { DefaultDatabase = ParseInt(key, value, min: 0) },
                "connecttimeout" => options with { ConnectTimeout = TimeSpan.FromMilliseconds(ParseInt(key, value, min: 1)) },
                "synctimeout" => options with { CommandTimeout = TimeSpan.FromMilliseconds(ParseInt(key, value, min: 1)) },
                "abortconnect" => options with { AbortOnConnectFail = ParseBool(key, value) },
                "name" => options with { ClientName = value },
                "protocol" => options with { Protocol = ParseProtocol(value) },
                _ when IgnoredKeys.Contains(key) => options,
                _ => throw new FormatException($"Unknown Redis connection string option '{key}'."),
            };
        }
        if (!sawEndpoint)
        {
            throw new FormatException("The Redis connection string names no endpoint (expected 'host:port').");
        }
        return options;
    }

    private static RedisOptions ParseEndpoint(string endpoint, RedisOptions options)
    {
        // "[::1]:6379", "host:6379", "host", "::1" (bare IPv6 without port)
        string host;
        var port = RedisOptions.DefaultPort;
        if (endpoint.StartsWith('['))
        {
            var close = endpoint.IndexOf(']');
            if (close < 0) throw new FormatException($"Invalid Redis endpoint '{endpoint}'.");
            host = endpoint[1..close];
            if (close + 1 < endpoint.Length)
            {
                if (endpoint[close + 1] != ':') throw new FormatException($"Invalid Redis endpoint '{endpoint}'.");
                port = ParseInt("port", endpoint[(close + 2)..], min: 1);
            }
        }
        else if (endpoint.Count(c => c == ':') == 1)
        {
            var colon = endpoint.IndexOf(':');
            host = endpoint[..colon];
            port = ParseInt("port", endpoint[(colon + 1)..], min: 1);
        }
        else
        {
            host = endpoint;
        }
        if (host.Length == 0 || port > 65535) throw new FormatException($"Invalid Redis endpoint '{endpoint}'.");
        return options with { Host = host, Port = port };
    }

    private static bool ParseBool(string key, string value) =>
        bool.TryParse(value, out var result) ? result : throw new FormatException($"Redis option '{key}' must be true or false, not '{value}'.");

    private static int ParseInt(string key, string value, int min) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result) && result >= min
            ? result
            : throw new FormatException($"Redis option '{key}' must be an integer of at least {min}, not '{value}'.");

    private static RedisProtocol ParseProtocol(string value) => value.ToLowerInvariant() switch
    {
        "resp2" or "2" => RedisProtocol.Resp2,
        "resp3" or "3" => RedisProtocol.Resp3,
        _ => throw new FormatException($"Redis option 'protocol' must be resp2 or resp3, not '{value}'."),
    };
}
