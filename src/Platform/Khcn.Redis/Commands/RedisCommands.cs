using System.Runtime.CompilerServices;
using System.Text;
using Khcn.Redis.Protocol;

namespace Khcn.Redis;

/// <summary>Typed commands over <see cref="IRedisClient.ExecuteAsync"/>: the ones the suite uses.</summary>
public static class RedisCommands
{
    /// <summary><c>GET key</c>: the value, or null when the key does not exist.</summary>
    public static async Task<byte[]?> GetAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(new RedisCommand("GET", key), cancellationToken).ConfigureAwait(false)).AsBytes();

    /// <summary><c>GET key</c> decoded as UTF-8.</summary>
    public static async Task<string?> GetStringAsync(this IRedisClient client, string key, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(new RedisCommand("GET", key), cancellationToken).ConfigureAwait(false)).AsString();

    /// <summary>
    /// <c>SET key value [PX ms] [NX|XX]</c>. Returns false when the condition prevented the write.
    /// </summary>
    public static async Task<bool> SetAsync(
        this IRedisClient client, string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null,
        SetCondition condition = SetCondition.Always, CancellationToken cancellationToken = default)
    {
        var arguments = new List<RedisArgument>(5) { key, value };
        if (expiry is { } ttl)
        {
            arguments.Add("PX");
            arguments.Add(ToMilliseconds(ttl));
        }
        if (condition != SetCondition.Always)
        {
            arguments.Add(condition == SetCondition.NotExists ? "NX" : "XX");
        }
        var reply = await client.ExecuteAsync(new RedisCommand("SET", arguments), cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    /// <summary><c>SET</c> with a UTF-8 string value.</summary>
    public static Task<bool> SetAsync(
        this IRedisClient client, string key, string value, TimeSpan? expiry = null,
        SetCondition condition = SetCondition.Always, CancellationToken cancellationToken = default) =>
        client.SetAsync(key, Encoding.UTF8.GetBytes(value), expiry, condition, cancellationToken);

    /// <summary><c>MGET key...</c>: one entry per key, null where the key does not exist.</summary>
    public static async Task<byte[]?[]> MGetAsync(this IRedisClient client, IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return [];
        var reply = await client.ExecuteAsync(new RedisCommand("MGET", ToArguments(keys)), cancellationToken).ConfigureAwait(false);
        return [.. reply.Elements.Select(e => e.AsBytes())];
    }

    /// <summary><c>DEL key...</c>: how many keys existed.</summary>
    public static async Task<long> DeleteAsync(this IRedisClient client, params IReadOnlyList<string> keys) =>
        keys.Count == 0 ? 0 : (await client.ExecuteAsync(new RedisCommand("DEL", ToArguments(keys))).ConfigureAwait(false)).AsInt64();

    /// <summary><c>UNLINK key...</c>: like DEL, but the server frees the memory in the background.</summary>
    public static async Task<long> UnlinkAsync(this IRedisClient client, IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : (await client.ExecuteAsync(new RedisCommand("UNLINK", ToArguments(keys)), cancellationToken).ConfigureAwait(false)).AsInt64();

    /// <summary><c>PEXPIRE key ms</c> (EXPIRE with millisecond precision): false when the key does not exist.</summary>
    public static async Task<bool> ExpireAsync(this IRedisClient client, string key, TimeSpan expiry, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(new RedisCommand("PEXPIRE", key, ToMilliseconds(expiry)), cancellationToken).ConfigureAwait(false)).AsInt64() == 1;

    /// <summary><c>INCR key</c> / <c>INCRBY key n</c>: the value after the increment.</summary>
    public static async Task<long> IncrementAsync(this IRedisClient client, string key, long by = 1, CancellationToken cancellationToken = default)
    {
        var command = by == 1 ? new RedisCommand("INCR", key) : new RedisCommand("INCRBY", key, by);
        return (await client.ExecuteAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    /// <summary><c>PUBLISH channel message</c>: how many subscribers received it.</summary>
    public static async Task<long> PublishAsync(this IRedisClient client, string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(new RedisCommand("PUBLISH", channel, message), cancellationToken).ConfigureAwait(false)).AsInt64();

    /// <summary><c>PUBLISH</c> with a UTF-8 string message.</summary>
    public static Task<long> PublishAsync(this IRedisClient client, string channel, string message, CancellationToken cancellationToken = default) =>
        client.PublishAsync(channel, Encoding.UTF8.GetBytes(message), cancellationToken);

    /// <summary><c>PING</c>: the round-trip time.</summary>
    public static async Task<TimeSpan> PingAsync(this IRedisClient client, CancellationToken cancellationToken = default)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await client.ExecuteAsync(new RedisCommand("PING"), cancellationToken).ConfigureAwait(false);
        return System.Diagnostics.Stopwatch.GetElapsedTime(start);
    }

    /// <summary>
    /// Iterates the keys matching <paramref name="pattern"/> with <c>SCAN cursor MATCH pattern COUNT n</c>,
    /// without blocking the server as KEYS would. A key may be returned more than once.
    /// </summary>
    public static async IAsyncEnumerable<string> ScanAsync(
        this IRedisClient client, string pattern = "*", int pageSize = 250, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = "0";
        do
        {
            var reply = await client.ExecuteAsync(new RedisCommand("SCAN", cursor, "MATCH", pattern, "COUNT", pageSize), cancellationToken).ConfigureAwait(false);
            if (reply.Elements.Count != 2) throw new RespProtocolException("SCAN must reply with [cursor, keys].");
            cursor = reply.Elements[0].AsString()!;
            foreach (var key in reply.Elements[1].Elements)
            {
                yield return key.AsString()!;
            }
        }
        while (cursor != "0");
    }

    /// <summary><c>SCRIPT LOAD script</c>: the SHA1 to pass to <see cref="EvalShaAsync"/>.</summary>
    public static async Task<string> ScriptLoadAsync(this IRedisClient client, string script, CancellationToken cancellationToken = default) =>
        (await client.ExecuteAsync(new RedisCommand("SCRIPT", "LOAD", script), cancellationToken).ConfigureAwait(false)).AsString()!;

    /// <summary><c>EVALSHA sha numkeys key... arg...</c>. Throws <see cref="RedisServerException"/> with code NOSCRIPT when the script is not loaded.</summary>
    public static Task<RespValue> EvalShaAsync(
        this IRedisClient client, string sha1, IReadOnlyList<string> keys, IReadOnlyList<RedisArgument> arguments, CancellationToken cancellationToken = default)
    {
        var all = new List<RedisArgument>(2 + keys.Count + arguments.Count) { sha1, keys.Count };
        all.AddRange(keys.Select(k => (RedisArgument)k));
        all.AddRange(arguments);
        return client.ExecuteAsync(new RedisCommand("EVALSHA", all), cancellationToken);
    }

    internal static long ToMilliseconds(TimeSpan value)
    {
        var milliseconds = (long)Math.Ceiling(value.TotalMilliseconds);
        return milliseconds > 0 ? milliseconds : throw new ArgumentOutOfRangeException(nameof(value), value, "An expiry must be positive.");
    }

    private static RedisArgument[] ToArguments(IReadOnlyList<string> keys)
    {
        var arguments = new RedisArgument[keys.Count];
        for (var i = 0; i < arguments.Length; i++) arguments[i] = keys[i];
        return arguments;
    }
}
