using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Tests.Tls;

/// <summary>
/// Runs tests/Shared/Python/tls_unary_call.py (copied next to the test assembly as peers/tls_unary_call.py): Debian's
/// python3-grpcio making one raw unary call over TLS, optionally presenting a client certificate.
/// </summary>
public static class PythonTlsCaller
{
    // Debian's interpreter has python3-grpcio; a pyenv python3 on PATH has not.
    private const string Python = "/usr/bin/python3";

    public const string HealthCheck = "/grpc.health.v1.Health/Check";

    public const string ListProvinces = "/khcn.provinces.v1.ProvincesService/ListProvinces";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <param name="port">The server's port on 127.0.0.1 (an IP target: grpcio checks the certificate's IP address SAN).</param>
    /// <param name="method">The full method path; the request is empty and the response comes back as bytes.</param>
    /// <param name="trustedAuthorities">The ca.crt to trust; null: grpcio's built-in roots only.</param>
    /// <param name="clientCertificate">The client certificate and key to present; null: none.</param>
    public static async Task<TlsCallResult> CallAsync(
        int port, string method, string? trustedAuthorities, (string Certificate, string Key)? clientCertificate = null)
    {
        Assert.True(File.Exists(Python), $"{Python} is required (Debian python3-grpcio).");
        List<string> arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "peers", "tls_unary_call.py"),
            "--target", $"127.0.0.1:{port}",
            "--method", method,
        ];
        if (trustedAuthorities is not null)
        {
            arguments.AddRange(["--ca", trustedAuthorities]);
        }

        if (clientCertificate is var (certificate, key))
        {
            arguments.AddRange(["--cert", certificate, "--key", key]);
        }

        // Without --ca grpcio must fall back to its built-in roots, not to a bundle an inherited variable points at.
        var environment = new Dictionary<string, string?>(PythonEnvironment.Clean) { ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"] = null };
        var result = await ChildProcess.RunAsync(Python, arguments, AppContext.BaseDirectory, Timeout, environment);

        Assert.True(result.ExitCode == 0, $"The Python peer failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        return root.GetProperty("ok").GetBoolean()
            ? new TlsCallResult(true, Convert.FromHexString(root.GetProperty("response_hex").GetString()!), null, null)
            : new TlsCallResult(false, [], root.GetProperty("code").GetString(), root.GetProperty("details").GetString());
    }
}

/// <param name="Ok">Whether the call succeeded.</param>
/// <param name="Response">The serialized response message of a successful call.</param>
/// <param name="Code">The gRPC status code name of a failed call, e.g. UNAVAILABLE.</param>
/// <param name="Details">The failure's details, for assertion messages.</param>
public sealed record TlsCallResult(bool Ok, byte[] Response, string? Code, string? Details)
{
    /// <summary>
    /// grpc.health.v1.HealthCheckResponse { ServingStatus status = 1; }: empty when UNKNOWN (proto3 omits defaults),
    /// else field 1 as a one-byte varint.
    /// </summary>
    public string ServingStatus => Response switch
    {
        [] => "UNKNOWN",
        [0x08, 1] => "SERVING",
        [0x08, 2] => "NOT_SERVING",
        [0x08, 3] => "SERVICE_UNKNOWN",
        _ => throw new FormatException($"Unexpected HealthCheckResponse bytes: {Convert.ToHexString(Response)}"),
    };

    public bool IsServing => Ok && ServingStatus == "SERVING";
}
