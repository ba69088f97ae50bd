using System.Diagnostics;
using Khcn.Tasks.V1;
using Outcome = Khcn.Tasks.V1.ImportTaskResult.Types.Outcome;

namespace Khcn.Bench.Tasks;

/// <summary>Streams generated records through ImportTasks, one stream of at most <c>streamSize</c> records after another.</summary>
public sealed class TaskImporter(TasksService.TasksServiceClient client, TaskGenerator generator)
{
    public sealed record Result(int Records, TimeSpan Elapsed, int Created, int AlreadyImported, int Rejected, string? FirstRejection);

    public async Task<Result> ImportAsync(int records, int streamSize)
    {
        var (created, alreadyImported, rejected) = (0, 0, 0);
        string? firstRejection = null;
        var clock = Stopwatch.StartNew();
        for (var first = 0; first < records; first += streamSize)
        {
            var count = Math.Min(streamSize, records - first);
            using var call = client.ImportTasks();
            for (var index = first; index < first + count; index++)
            {
                await call.RequestStream.WriteAsync(generator.Record(index));
            }

            await call.RequestStream.CompleteAsync();
            var response = await call;
            created += response.CreatedCount;
            alreadyImported += response.AlreadyImportedCount;
            rejected += response.FailedCount;
            firstRejection ??= response.Results.FirstOrDefault(r => r.Outcome == Outcome.Rejected) is { } bad
                ? $"record {bad.Index + first}: {bad.Error.Message}"
                : null;
            Console.Error.WriteLine($"[import] {first + count} records, {clock.Elapsed.TotalSeconds:F0} s");
        }

        return new Result(records, clock.Elapsed, created, alreadyImported, rejected, firstRejection);
    }
}
