using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Tests.Tls;

/// <summary>
/// Runs tests/Shared/Python/tls_unary_call.py (copied next to the test assembly as peers/tls_unary_call.py): Debian's
/// python3-grpcio making one raw call over TLS, optionally presenting a client certificate and a bearer token.
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
    public static Task<TlsCallResult> CallAsync(
        int port, string method, string? trustedAuthorities, (string Certificate, string Key)? clientCertificate = null) =>
        CallAsync(port, method, new PythonCallOptions(trustedAuthorities) { ClientCertificate = clientCertificate });

    /// <param name="port">The server's port on 127.0.0.1.</param>
    /// <param name="method">The full method path.</param>
    /// <param name="options">Trust, credentials, request and call shape.</param>
    public static async Task<TlsCallResult> CallAsync(int port, string method, PythonCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Assert.True(File.Exists(Python), $"{Python} is required (Debian python3-grpcio).");
        List<string> arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "peers", "tls_unary_call.py"),
            "--target", $"127.0.0.1:{port}",
            "--method", method,
            "--request-hex", Convert.ToHexString(options.Request),
        ];
        if (options.TrustedAuthorities is not null)
        {
            arguments.AddRange(["--ca", options.TrustedAuthorities]);
        }

        if (options.ClientCertificate is var (certificate, key))
        {
            arguments.AddRange(["--cert", certificate, "--key", key]);
        }

        if (options.ServerStreaming)
        {
            arguments.Add("--server-streaming");
        }

        // The token goes through a file only this call reads: never on the command line, where a process listing shows it.
        var tokenFile = options.BearerToken is null ? null : Path.GetTempFileName();
        try
        {
            if (tokenFile is not null)
            {
                await File.WriteAllTextAsync(tokenFile, options.BearerToken);
                arguments.AddRange(["--token-file", tokenFile]);
            }

            // Without --ca grpcio must fall back to its built-in roots, not to a bundle an inherited variable points at.
            var environment = new Dictionary<string, string?>(PythonEnvironment.Clean) { ["GRPC_DEFAULT_SSL_ROOTS_FILE_PATH"] = null };
            var result = await ChildProcess.RunAsync(Python, arguments, AppContext.BaseDirectory, Timeout, environment);

            Assert.True(result.ExitCode == 0, $"The Python peer failed ({result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
            return TlsCallResult.Parse(result.StandardOutput);
        }
        finally
        {
            if (tokenFile is not null)
            {
                File.Delete(tokenFile);
            }
        }
    }
}

/// <param name="TrustedAuthorities">The ca.crt to trust; null: grpcio's built-in roots only.</param>
public sealed record PythonCallOptions(string? TrustedAuthorities)
{
    /// <summary>The client certificate and key to present; null: none.</summary>
    public (string Certificate, string Key)? ClientCertificate { get; init; }

    /// <summary>Sent as <c>authorization: Bearer …</c>; null: no authorization header.</summary>
    public string? BearerToken { get; init; }

    /// <summary>The serialized request message; empty: every field at its default.</summary>
    public byte[] Request { get; init; } = [];

    /// <summary>Call the method as a server stream and keep every message.</summary>
    public bool ServerStreaming { get; init; }
}

/// <param name="Ok">Whether the call succeeded.</param>
/// <param name="Responses">The serialized response messages received (one for a successful unary call).</param>
/// <param name="Code">The gRPC status code name of a failed call, e.g. UNAVAILABLE.</param>
/// <param name="Details">The failure's details, for assertion messages.</param>
/// <param name="StatusDetails">The failure's grpc-status-details-bin trailer (a serialized google.rpc.Status); empty when absent.</param>
public sealed record TlsCallResult(bool Ok, IReadOnlyList<byte[]> Responses, string? Code, string? Details, byte[] StatusDetails)
{
    /// <summary>The (first) response message of a successful call.</summary>
    public byte[] Response => Responses.Count > 0 ? Responses[0] : [];

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

    internal static TlsCallResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var responses = root.GetProperty("responses_hex").EnumerateArray().Select(r => Convert.FromHexString(r.GetString()!)).ToList();
        return root.GetProperty("ok").GetBoolean()
            ? new TlsCallResult(true, responses, null, null, [])
            : new TlsCallResult(
                false,
                responses,
                root.GetProperty("code").GetString(),
                root.GetProperty("details").GetString(),
                Convert.FromHexString(root.GetProperty("status_details_hex").GetString()!));
    }
}
