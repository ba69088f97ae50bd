using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using Khcn.Hosting.Health;
using Khcn.Hosting.Orchestration;
using Khcn.Hosting.Processes;

namespace Khcn.Hosting.Runners;

/// <summary>
/// Runs redis-server from PATH on the resource's port with the run's password and no persistence. Without
/// redis-server the resource falls back and the services keep their in-memory cache.
/// </summary>
/// <param name="findRedisServer">Where redis-server is, or null; PATH by default (tests simulate a machine without it).</param>
internal sealed class RedisRunner(RedisResource resource, Func<string?>? findRedisServer = null) : IResourceRunner
{
    private const string FallbackMessage =
        "redis-server not found on PATH: the services use their in-memory cache (apt-get install redis-server for the shared Redis cache)";

    private readonly ProcessSlot _process = new(PosixSignal.Terminate);
    private RedisPingProbe? _probe;

    public ManagedProcess? Process => _process.Current;

    public async Task StartAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (resource.HasFallenBack())
        {
            return;
        }

        var redisServer = (findRedisServer ?? (() => ExecutableLocator.Find("redis-server")))();
        if (redisServer is null)
        {
            resource.Annotations.Add(new FallbackAnnotation(FallbackMessage));
            return;
        }

        var configFile = Path.Combine(context.WorkDirectory, "redis.conf");
        await WriteConfigAsync(configFile, context.WorkDirectory, cancellationToken).ConfigureAwait(false);

        // Redis logs to stdout, which the process hands to the resource's log.
        await _process.StartAsync(
            new ProcessSpec(redisServer, [configFile], context.WorkDirectory, new Dictionary<string, string>()), context)
            .ConfigureAwait(false);
        _probe ??= new RedisPingProbe(resource.GetConnectionString()!);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _probe?.IsHealthyAsync(cancellationToken) ?? Task.FromResult(false);

    public Task StopAsync(CancellationToken cancellationToken) => _process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_probe is not null)
        {
            await _probe.DisposeAsync().ConfigureAwait(false);
        }

        await _process.DisposeAsync().ConfigureAwait(false);
    }

    // The password goes into a file only its owner can read (PrivateFile), never onto the command line.
    private async Task WriteConfigAsync(string configFile, string workDirectory, CancellationToken cancellationToken)
    {
        var config = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"port {resource.PrimaryEndpoint.Port}")
            .AppendLine(CultureInfo.InvariantCulture, $"bind {resource.PrimaryEndpoint.Host}")
            .AppendLine(CultureInfo.InvariantCulture, $"requirepass {resource.Password}")
            .AppendLine("save \"\"")
            .AppendLine("appendonly no")
            .AppendLine(CultureInfo.InvariantCulture, $"dir {Quote(workDirectory)}")
            .AppendLine("protected-mode yes")
            .ToString();
        await PrivateFile.WriteAsync(configFile, config, cancellationToken).ConfigureAwait(false);
    }

    // redis.conf reads double-quoted strings with backslash escapes, so a path with spaces stays one argument.
    private static string Quote(string value) =>
        $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
