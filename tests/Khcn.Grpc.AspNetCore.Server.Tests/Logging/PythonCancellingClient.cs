using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Khcn.Grpc.AspNetCore.Server.Tests.Logging;

/// <summary>
/// Runs peers/cancel_after_reply.py with Debian's python3-grpcio: duplex calls that read their reply and then cancel,
/// the way a reflection client (scripts/grpc-call.py) ends its calls.
/// </summary>
public static class PythonCancellingClient
{
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <returns>The reply of each call.</returns>
    public static async Task<IReadOnlyList<byte[]>> RunAsync(Uri server, string method, byte[] request, int calls, string? trustedAuthorities = null)
    {
        Assert.True(File.Exists(Python), $"{Python} is required (Debian python3-grpcio).");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONNOUSERSITE"] = "1";
        foreach (var argument in new[]
        {
            ScriptPath(), "--target", $"127.0.0.1:{server.Port}", "--method", method,
            "--request-hex", Convert.ToHexString(request), "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (trustedAuthorities is not null)
        {
            start.ArgumentList.Add("--ca");
            start.ArgumentList.Add(trustedAuthorities);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"The Python client failed ({process.ExitCode}):\n{await errors}");
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromHexString).ToList();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    // The script lives in the source tree next to this project's sources; no copy step in the project file needed.
    private static string ScriptPath([CallerFilePath] string thisFile = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "peers", "cancel_after_reply.py"));
}
