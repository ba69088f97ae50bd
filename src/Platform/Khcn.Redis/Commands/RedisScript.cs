using System.Security.Cryptography;
using System.Text;
using Khcn.Redis.Protocol;

namespace Khcn.Redis;

/// <summary>
/// A Lua script run with <c>EVALSHA</c>, so only its SHA1 travels per call. The server's script cache
/// is lost on restart: on <c>NOSCRIPT</c> the script is loaded once more and the call repeated.
/// </summary>
public sealed class RedisScript(string source)
{
    /// <summary>The Lua source.</summary>
    public string Source { get; } = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>The lower-case hex SHA1 Redis names the script by.</summary>
    public string Sha1 { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));

    /// <summary>Runs the script with the given keys and arguments.</summary>
    public async Task<RespValue> EvaluateAsync(
        IRedisClient client, IReadOnlyList<string> keys, IReadOnlyList<RedisArgument> arguments, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.EvalShaAsync(Sha1, keys, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.ErrorCode == "NOSCRIPT")
        {
            await client.ScriptLoadAsync(Source, cancellationToken).ConfigureAwait(false);
            return await client.EvalShaAsync(Sha1, keys, arguments, cancellationToken).ConfigureAwait(false);
        }
    }
}
