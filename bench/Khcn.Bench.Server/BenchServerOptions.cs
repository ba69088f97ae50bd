namespace Khcn.Bench.Server;

/// <summary>
/// Command line: <c>grpc|bare [--port N] [--payload-size N] [--telemetry off|listen|export] [--otlp-endpoint URL]</c>
/// or <c>write-request FILE [--payload-size N]</c>.
/// Port 0 (the default) binds a free port; the bound address is printed as "LISTENING http://...".
/// </summary>
public sealed record BenchServerOptions(string Mode, int Port, int PayloadSize, string? OutputFile,
    BenchTelemetryMode Telemetry, Uri? OtlpEndpoint)
{
    public const string GrpcMode = "grpc";
    public const string BareMode = "bare";
    public const string WriteRequestMode = "write-request";

    private const string Usage =
        $"usage: {GrpcMode}|{BareMode} [--port N] [--payload-size N] [--telemetry off|listen|export] [--otlp-endpoint URL]"
        + $" | {WriteRequestMode} FILE [--payload-size N]";

    public static BenchServerOptions Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException(Usage);
        }

        var mode = args[0];
        string? outputFile = null;
        var next = 1;
        if (mode == WriteRequestMode)
        {
            outputFile = args.Length > 1 ? args[1] : throw new ArgumentException($"{WriteRequestMode} needs a FILE");
            next = 2;
        }
        else if (mode is not (GrpcMode or BareMode))
        {
            throw new ArgumentException($"unknown mode '{mode}'");
        }

        var port = 0;
        var payloadSize = BenchPayload.DefaultSize;
        var telemetry = BenchTelemetryMode.Off;
        Uri? otlpEndpoint = null;
        for (var i = next; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port": port = int.Parse(value); break;
                case "--payload-size": payloadSize = int.Parse(value); break;
                case "--telemetry": telemetry = ParseTelemetry(value); break;
                case "--otlp-endpoint": otlpEndpoint = new Uri(value, UriKind.Absolute); break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (telemetry == BenchTelemetryMode.Export && otlpEndpoint is null)
        {
            throw new ArgumentException("--telemetry export needs --otlp-endpoint URL");
        }
        if (telemetry != BenchTelemetryMode.Off && mode != GrpcMode)
        {
            // Only our runtime emits the spans and the histogram the telemetry modes measure.
            throw new ArgumentException($"--telemetry applies to mode '{GrpcMode}' only");
        }

        return new BenchServerOptions(mode, port, payloadSize, outputFile, telemetry, otlpEndpoint);
    }

    private static BenchTelemetryMode ParseTelemetry(string value) => value switch
    {
        "off" => BenchTelemetryMode.Off,
        "listen" => BenchTelemetryMode.Listen,
        "export" => BenchTelemetryMode.Export,
        _ => throw new ArgumentException($"unknown --telemetry '{value}' (off, listen or export)"),
    };
}
