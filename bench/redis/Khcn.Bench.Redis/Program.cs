using System.Diagnostics;
using System.Globalization;
using Khcn.Redis;

// Mirrors `redis-benchmark -c <clients> -n <requests> -d <size> -t set,get`: the same key, a value of
// <size> bytes, <clients> callers each issuing one command at a time and awaiting it. Our callers share
// one connection and are pipelined automatically; redis-benchmark opens one connection per client.
// Prints "SET <ops/s>" and "GET <ops/s>" for run.sh.

var settings = BenchSettings.Parse(args);
await using var client = await RedisConnection.ConnectAsync(new RedisOptions { Host = "127.0.0.1", Port = settings.Port, Protocol = RedisProtocol.Resp2 });
var value = new byte[settings.DataSize];
Array.Fill(value, (byte)'x');
const string key = "key:__rand_int__";

// Tiered JIT (with PGO) reaches steady state only after some load; warm both paths first.
await RunAsync(settings.WarmupRequests, () => client.SetAsync(key, value));
await RunAsync(settings.WarmupRequests, () => client.GetAsync(key));

var set = await RunAsync(settings.Requests, () => client.SetAsync(key, value));
var get = await RunAsync(settings.Requests, () => client.GetAsync(key));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SET {set:F0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET {get:F0}"));

async Task<double> RunAsync(int requests, Func<Task> command)
{
    var remaining = requests;
    var start = Stopwatch.GetTimestamp();
    var callers = Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(async () =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            await command();
        }
    }));
    await Task.WhenAll(callers);
    return requests / Stopwatch.GetElapsedTime(start).TotalSeconds;
}

internal sealed record BenchSettings(int Port, int Clients, int Requests, int WarmupRequests, int DataSize)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, int>
        {
            ["--port"] = 6379, ["--clients"] = 50, ["--requests"] = 200_000, ["--warmup"] = 100_000, ["--data-size"] = 3,
        };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i])) throw new ArgumentException($"Unknown option {args[i]}");
            values[args[i]] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        return new(values["--port"], values["--clients"], values["--requests"], values["--warmup"], values["--data-size"]);
    }
}
