namespace Khcn.Bench.Client;

/// <summary>
/// Command line: <c>--address URL [--connections 16] [--streams 32] [--warmup 2] [--duration 10] [--payload-size 64]</c>.
/// connections x streams mirrors h2load's <c>-c</c> x <c>-m</c>, so both keep the same number of calls in flight.
/// </summary>
public sealed record ClientBenchOptions(
    Uri Address,
    int Connections,
    int Streams,
    TimeSpan Warmup,
    TimeSpan Duration,
    int PayloadSize)
{
    public static ClientBenchOptions Parse(string[] args)
    {
        Uri? address = null;
        int connections = 16, streams = 32, payloadSize = BenchPayload.DefaultSize;
        double warmupSeconds = 2, durationSeconds = 10;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--address": address = new Uri(value); break;
                case "--connections": connections = int.Parse(value); break;
                case "--streams": streams = int.Parse(value); break;
                case "--warmup": warmupSeconds = double.Parse(value); break;
                case "--duration": durationSeconds = double.Parse(value); break;
                case "--payload-size": payloadSize = int.Parse(value); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new ClientBenchOptions(
            address ?? throw new ArgumentException("--address is required"),
            connections,
            streams,
            TimeSpan.FromSeconds(warmupSeconds),
            TimeSpan.FromSeconds(durationSeconds),
            payloadSize);
    }
}
