using System.Text.Json;
using Khcn.Grpc.Interop.Tests.Fixtures;

namespace Khcn.Security.Tests.Certificates;

/// <summary>Runs peers/tls_health_check.py, Debian's python3-grpcio calling Health/Check over TLS.</summary>
internal static class PythonTlsPeer
{
    // Debian's interpreter has python3-grpcio; a pyenv python3 on PATH has not.
    private const string Python = "/usr/bin/python3";

    /// <param name="port">The server's port on 127.0.0.1.</param>
    /// <param name="trustedAuthorities">The ca.crt to trust; null: grpcio's default roots only.</param>
    /// <param name="clientCertificate">The client certificate and key files to present; null: none.</param>
    public static async Task<PeerResult> CheckHealthAsync(int port, string? trustedAuthorities, (string Certificate, string Key)? clientCertificate = null)
    {
        Assert.True(File.Exists(Python), $"{Python} is required (Debian python3-grpcio).");
        // An IP target: grpcio then checks the server certificate's IP address SAN.
        List<string> arguments = [Path.Combine(AppContext.BaseDirectory, "peers", "tls_health_check.py"), "--target", $"127.0.0.1:{port}"];
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
        var result = await ChildProcess.RunAsync(Python, arguments, AppContext.BaseDirectory, TimeSpan.FromMinutes(3), environment);

        var output = result.StandardOutput;
        Assert.True(result.ExitCode == 0, $"The Python peer failed ({result.ExitCode}):\n{result.StandardError}\n{output}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        return root.GetProperty("ok").GetBoolean()
            ? new PeerResult(true, root.GetProperty("status").GetString(), null, null)
            : new PeerResult(false, null, root.GetProperty("code").GetString(), root.GetProperty("details").GetString());
    }
}

/// <param name="Ok">Whether the call succeeded.</param>
/// <param name="Status">The serving status the health service answered.</param>
/// <param name="Code">The gRPC status code name of a failed call, e.g. UNAVAILABLE.</param>
/// <param name="Details">The failure's details, for assertion messages.</param>
internal sealed record PeerResult(bool Ok, string? Status, string? Code, string? Details);
