using System.Collections.Concurrent;
using System.Text;
using Khcn.Redis.Protocol;

namespace Khcn.Redis;

/// <summary>A command name with its arguments, ready to be encoded. The name is also the telemetry operation name.</summary>
public sealed class RedisCommand
{
    private static readonly ConcurrentDictionary<string, byte[]> NameCache = new(StringComparer.Ordinal);

    /// <summary>Creates a command such as <c>new RedisCommand("SET", key, value)</c>.</summary>
    public RedisCommand(string name, params IReadOnlyList<RedisArgument> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.ToUpperInvariant();
        NameBytes = NameCache.GetOrAdd(Name, static n => Encoding.UTF8.GetBytes(n));
        Arguments = arguments;
    }

    /// <summary>The command name in upper case, e.g. <c>GET</c>.</summary>
    public string Name { get; }

    internal byte[] NameBytes { get; }

    /// <summary>The arguments after the name.</summary>
    public IReadOnlyList<RedisArgument> Arguments { get; }

    /// <inheritdoc />
    public override string ToString() => Name; // never the values: they may be personal data
}
