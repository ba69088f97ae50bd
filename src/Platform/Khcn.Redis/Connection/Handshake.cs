using Khcn.Redis.Protocol;

namespace Khcn.Redis.Connection;

/// <summary>
/// The first commands on a new connection: <c>HELLO 3</c> (with AUTH and SETNAME folded in) when RESP3
/// is wanted, falling back to <c>AUTH</c> on RESP2 when the server does not know HELLO or RESP3;
/// then <c>SELECT</c> for a non-zero database.
/// </summary>
internal static class Handshake
{
    public static async Task RunAsync(PhysicalConnection connection, RedisOptions options, CancellationToken cancellationToken)
    {
        var protocol = RedisProtocol.Resp2;
        string? version = null;
        if (options.Protocol == RedisProtocol.Resp3)
        {
            try
            {
                var hello = await connection.SendAsync(HelloCommand(options), cancellationToken).ConfigureAwait(false);
                protocol = RedisProtocol.Resp3;
                version = ReadField(hello, "version");
            }
            catch (RedisServerException ex) when (IsHelloUnsupported(ex))
            {
                // Redis before 6, or a proxy speaking only RESP2: authenticate the old way below.
            }
            catch (RedisServerException ex)
            {
                throw new RedisConnectionException($"The handshake with {options} failed: {ex.Message}", ex);
            }
        }
        try
        {
            if (protocol == RedisProtocol.Resp2)
            {
                if (options.Password is not null)
                {
                    var auth = options.User is null
                        ? new RedisCommand("AUTH", options.Password)
                        : new RedisCommand("AUTH", options.User, options.Password);
                    await connection.SendAsync(auth, cancellationToken).ConfigureAwait(false);
                }
                if (options.ClientName is not null)
                {
                    await connection.SendAsync(new RedisCommand("CLIENT", "SETNAME", options.ClientName), cancellationToken).ConfigureAwait(false);
                }
            }
            if (options.DefaultDatabase != 0)
            {
                await connection.SendAsync(new RedisCommand("SELECT", options.DefaultDatabase), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RedisServerException ex)
        {
            throw new RedisConnectionException($"The handshake with {options} failed: {ex.Message}", ex);
        }
        connection.SetNegotiated(protocol, version);
    }

    private static RedisCommand HelloCommand(RedisOptions options)
    {
        var arguments = new List<RedisArgument> { 3L };
        if (options.Password is not null)
        {
            arguments.Add("AUTH");
            arguments.Add(options.User ?? "default");
            arguments.Add(options.Password);
        }
        if (options.ClientName is not null)
        {
            arguments.Add("SETNAME");
            arguments.Add(options.ClientName);
        }
        return new RedisCommand("HELLO", arguments);
    }

    private static bool IsHelloUnsupported(RedisServerException ex) =>
        ex.ErrorCode == "NOPROTO" || ex.Message.Contains("unknown command", StringComparison.OrdinalIgnoreCase);

    private static string? ReadField(RespValue map, string name)
    {
        var elements = map.Elements;
        for (var i = 0; i + 1 < elements.Count; i += 2)
        {
            if (elements[i].AsString() == name)
            {
                return elements[i + 1].AsString();
            }
        }
        return null;
    }
}
