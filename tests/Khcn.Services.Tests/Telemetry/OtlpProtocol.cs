namespace Khcn.Services.Tests.Telemetry;

/// <summary>The two OTLP transports, by their OTEL_EXPORTER_OTLP_PROTOCOL value.</summary>
public static class OtlpProtocol
{
    public const string Grpc = "grpc";

    public const string HttpProtobuf = "http/protobuf";
}
