using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Khcn.Security.Tests.Tokens;

/// <summary>Mints tokens with PyJWT (peers/mint_token.py): a signer that shares no code with the validator.</summary>
internal static class PythonTokenMinter
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> MintAsync(
        string algorithm, TestKeyPair key, JsonObject claims, JsonObject? headers = null)
    {
        var request = new JsonObject
        {
            ["algorithm"] = algorithm,
            ["private_key_path"] = key.PrivateKeyPath,
            ["claims"] = claims.DeepClone(),
            ["headers"] = headers?.DeepClone(),
        };
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "peers", "mint_token.py") },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        try
        {
            await process.StandardInput.WriteAsync(request.ToJsonString());
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(Timeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"mint_token.py failed ({process.ExitCode}): {await errors}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
