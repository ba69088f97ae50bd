using System.Diagnostics;

namespace Khcn.Provinces.Tests.Python;

/// <summary>Runs a command to completion and returns what it printed.</summary>
public static class ScriptProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The scenario prints Vietnamese; make the interpreter's encoding independent of the test machine's locale.
        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        }
        catch (System.ComponentModel.Win32Exception notFound)
        {
            throw new InvalidOperationException(
                $"Could not start '{fileName}': {notFound.Message}. Install Debian's gRPC for Python: apt-get install -y python3 python3-grpcio python3-protobuf.",
                notFound);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeoutSource = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"'{fileName}' did not finish within {timeout}. Output so far: {await stdout}\n{await stderr}");
            }

            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }
}
