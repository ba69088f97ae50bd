using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Khcn.Bench.V1;

namespace Khcn.Bench.Client;

/// <summary>
/// Keeps connections x streams unary Echo calls in flight through our GrpcChannel: one channel per
/// connection (as h2load opens one HTTP/2 connection per client) and one sequential caller per stream.
/// </summary>
public sealed class UnaryLoadRunner(ClientBenchOptions options)
{
    public async Task<LatencySummary> RunAsync()
    {
        var request = BenchPayload.CreateRequest(options.PayloadSize);
        var phase = new LoadPhase();
        var channels = Enumerable.Range(0, options.Connections).Select(_ => GrpcChannel.ForAddress(options.Address)).ToArray();
        try
        {
            var callers = channels
                .SelectMany(channel => Enumerable.Range(0, options.Streams).Select(_ => new EchoService.EchoServiceClient(channel)))
                .Select(client => Task.Run(() => CallUntilStoppedAsync(client, request, phase)))
                .ToArray();

            await Task.Delay(options.Warmup);
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            phase.StartMeasuring();
            var started = Stopwatch.GetTimestamp();
            await Task.Delay(options.Duration);
            phase.Stop();
            var elapsed = Stopwatch.GetElapsedTime(started);
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;

            var results = await Task.WhenAll(callers);
            var latencies = results.SelectMany(result => result.Latencies).ToArray();
            return LatencySummary.From(latencies, results.Sum(result => result.Errors), elapsed, cpu, allocated);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private async Task<CallerResult> CallUntilStoppedAsync(EchoService.EchoServiceClient client, EchoRequest request, LoadPhase phase)
    {
        var latencies = new List<long>(capacity: 64 * 1024);
        long errors = 0;
        while (!phase.IsStopped)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await client.EchoAsync(request);
                if (response.Payload.Length != options.PayloadSize)
                {
                    errors++;
                    continue;
                }
            }
            catch (RpcException)
            {
                errors++;
                continue;
            }

            // Calls that complete after Stop() fall outside the measured window, like h2load's.
            if (phase.IsMeasuring)
            {
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
        }

        return new CallerResult(latencies, errors);
    }

    private sealed record CallerResult(List<long> Latencies, long Errors);
}
