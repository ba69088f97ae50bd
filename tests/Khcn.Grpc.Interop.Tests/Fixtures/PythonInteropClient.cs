using System.Text.Json;

namespace Khcn.Grpc.Interop.Tests.Fixtures;

/// <summary>
/// The grpc Python (C-core) interop client of peers/python, run once per case against a target.
/// Uses Debian's /usr/bin/python3 on purpose: that interpreter has python3-grpcio.
/// </summary>
public sealed class PythonInteropClient(string descriptorSetPath)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromMinutes(3);

    public static string Interpreter =>
        Environment.GetEnvironmentVariable("KHCN_INTEROP_PYTHON") is { Length: > 0 } configured ? configured : "/usr/bin/python3";

    public sealed record CaseResult(string Case, bool Passed, string Detail);

    public async Task<CaseResult> RunCaseAsync(string target, string caseName)
    {
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException($"{Interpreter} does not exist. {InstallHints.Python}");
        }

        var script = Path.Combine(InteropPaths.PythonPeerDirectory, "interop_client.py");
        var result = await ChildProcess.RunAsync(
            Interpreter,
            [script, "--address", target, "--descriptor-set", descriptorSetPath, "--case", caseName],
            InteropPaths.PythonPeerDirectory,
            CaseTimeout);

        using var output = ParseOutput(result);
        var root = output.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Python interop client could not run: {error.GetString()}");
        }

        var single = root.GetProperty("results").EnumerateArray().Single();
        return new CaseResult(
            single.GetProperty("case").GetString()!,
            single.GetProperty("passed").GetBoolean(),
            single.GetProperty("detail").GetString() ?? "");
    }

    private static JsonDocument ParseOutput(ChildProcess.Result result)
    {
        try
        {
            return JsonDocument.Parse(result.StandardOutput);
        }
        catch (JsonException)
        {
            var hint = result.StandardError.Contains("No module named", StringComparison.Ordinal) ? InstallHints.Python : "";
            throw new InvalidOperationException(
                $"Python interop client exited with {result.ExitCode} without a JSON result. {hint}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
        }
    }
}
