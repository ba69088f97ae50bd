using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Khcn.Services.Tests.HttpHealth;

/// <summary>
/// The Provinces service as the AppHost runs it: its own process (<c>dotnet Khcn.Provinces.dll</c>) configured by
/// environment variables only (ASPNETCORE_URLS, HealthChecks__Urls), on a SQLite file of its own. Ready when /alive
/// answers on the health port; killed on dispose.
/// </summary>
public sealed class ProvincesProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _directory;

    private ProvincesProcess(Process process, StringBuilder output, string directory, Uri address, Uri healthAddress)
    {
        _process = process;
        _output = output;
        _directory = directory;
        Address = address;
        HealthAddress = healthAddress;
    }

    /// <summary>The gRPC (h2c) address from ASPNETCORE_URLS.</summary>
    public Uri Address { get; }

    /// <summary>The HTTP/1.1 health address from HealthChecks__Urls.</summary>
    public Uri HealthAddress { get; }

    /// <summary>The service's SQLite file.</summary>
    public string DatabasePath => Path.Combine(_directory, "provincesdb.db");

    /// <summary>What the service wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the service; <paramref name="environment"/> adds or overrides variables.</summary>
    public static async Task<ProvincesProcess> StartAsync(params (string Name, string Value)[] environment)
    {
        var directory = Directory.CreateTempSubdirectory("khcn-health-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var healthAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var assembly = typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly.Location;
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assembly);
        // The test process's own settings must not leak in (an OTLP endpoint, a connection string).
        foreach (var name in startInfo.Environment.Keys.Where(IsServiceSetting).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        startInfo.Environment["HealthChecks__Urls"] = healthAddress.ToString().TrimEnd('/');
        startInfo.Environment["Database__provincesdb__Path"] = Path.Combine(directory, "provincesdb.db");
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ProvincesProcess(process, output, directory, address, healthAddress);
        try
        {
            await service.WaitUntilAliveAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that speaks HTTP/1.1 only, as a Kubernetes httpGet probe does.</summary>
    public static HttpClient Http11Client() => new()
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private async Task WaitUntilAliveAsync()
    {
        using var client = Http11Client();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Provinces exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(HealthAddress, "/alive"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Provinces did not answer /alive on {HealthAddress}:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    // The host running these tests, so the service runs on the same runtime.
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    private static bool IsServiceSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("HealthChecks__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
