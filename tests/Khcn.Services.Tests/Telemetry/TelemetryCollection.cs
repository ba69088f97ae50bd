namespace Khcn.Services.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone: a tracer provider listens to ActivitySources by name in the whole process, so services
/// other test classes run at the same time would add their spans to the ones asserted on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
