using OpenTelemetry;

namespace Khcn.Bench.Server;

/// <summary>
/// Accepts every batch and does nothing with it: behind the SDK's batch processor (or metric reader) it isolates the
/// cost of instrumentation and SDK processing from serialization and I/O.
/// </summary>
public sealed class DiscardingExporter<T> : BaseExporter<T>
    where T : class
{
    public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
}
