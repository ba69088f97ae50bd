using System.Net.Security;
using Khcn.Redis.Protocol;

namespace Khcn.Redis;

/// <summary>Everything needed to open and keep a connection. Usually built with <see cref="RedisOptions.Parse"/>.</summary>
public sealed record RedisOptions
{
    /// <summary>The default Redis port.</summary>
    public const int DefaultPort = 6379;

    /// <summary>Host name or IP address of the server.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>TCP port of the server.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>ACL user name; null means the <c>default</c> user.</summary>
    public string? User { get; init; }

    /// <summary>Password sent with <c>HELLO ... AUTH</c> or <c>AUTH</c>; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>Whether to wrap the connection in TLS.</summary>
    public bool Ssl { get; init; }

    /// <summary>The name to validate the server certificate against (defaults to <see cref="Host"/>).</summary>
    public string? SslHost { get; init; }

    /// <summary>Optional certificate validation override, e.g. to trust a private CA in tests.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Database selected after connecting (<c>SELECT</c>).</summary>
    public int DefaultDatabase { get; init; }

    /// <summary>Time allowed for TCP connect, TLS and the handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time a command may wait for its reply before failing with <see cref="RedisTimeoutException"/>.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When true, <see cref="RedisConnection.ConnectAsync"/> throws if the first connection fails; when false it returns and keeps retrying.</summary>
    public bool AbortOnConnectFail { get; init; } = true;

    /// <summary>The protocol to negotiate.</summary>
    public RedisProtocol Protocol { get; init; } = RedisProtocol.Resp3;

    /// <summary>Name shown by <c>CLIENT LIST</c>.</summary>
    public string? ClientName { get; init; }

    /// <summary>First delay between reconnect attempts; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between reconnect attempts.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Limits applied to every reply.</summary>
    public RespReaderLimits ReaderLimits { get; init; } = RespReaderLimits.Default;

    /// <summary>Parses the StackExchange.Redis-style form carried by <c>ConnectionStrings__cache</c>.</summary>
    public static RedisOptions Parse(string connectionString) => RedisConnectionStringParser.Parse(connectionString);

    /// <summary>The endpoint as <c>host:port</c>, for logs and telemetry.</summary>
    public override string ToString() => $"{Host}:{Port}"; // never the password
}
