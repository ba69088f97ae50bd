using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Khcn.Redis.Tests.Infrastructure;

/// <summary>
/// A real redis-server process on a free loopback port with no persistence, in a temporary directory.
/// It can be killed with SIGKILL, restarted on the same port, or frozen with SIGSTOP to simulate a hang.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory;
    private readonly string? _password;
    private readonly bool _tls;
    private readonly string[] _extraArguments;
    private Process? _process;

    private RedisServer(string directory, int port, string? password, bool tls, string[] extraArguments)
    {
        _directory = directory;
        Port = port;
        _password = password;
        _tls = tls;
        _extraArguments = extraArguments;
    }

    /// <summary>The loopback port the server listens on (TLS port when started with TLS).</summary>
    public int Port { get; }

    /// <summary>The certificate authority that signed the TLS server certificate.</summary>
    public X509Certificate2? CertificateAuthority { get; private set; }

    /// <summary>The StackExchange.Redis-style connection string, with the password when there is one.</summary>
    public string ConnectionString =>
        $"127.0.0.1:{Port}" + (_password is null ? "" : $",password={_password}") + (_tls ? ",ssl=true,sslHost=localhost" : "");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server; <paramref name="extraArguments"/> are further redis-server options.</summary>
    public static async Task<RedisServer> StartAsync(string? password = null, bool tls = false, params string[] extraArguments)
    {
        var directory = Directory.CreateTempSubdirectory("khcn-redis-").FullName;
        var server = new RedisServer(directory, FreePort(), password, tls, extraArguments);
        if (tls)
        {
            server.CertificateAuthority = WriteCertificates(directory);
        }
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Starts the server again on the same port after <see cref="Kill"/>.</summary>
    public Task RestartAsync() => IsRunning ? throw new InvalidOperationException("Still running.") : StartProcessAsync();

    /// <summary>SIGKILL: the server dies without closing connections gracefully, losing all data.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(); // also waits for the output readers
        }
    }

    /// <summary>SIGSTOP: the server keeps its sockets open but answers nothing.</summary>
    public void Pause() => Signal(19);

    /// <summary>SIGCONT: undoes <see cref="Pause"/>.</summary>
    public void Resume() => Signal(18);

    private void Signal(int signal)
    {
        if (_process is not { HasExited: false } process || SendSignal(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"Could not send signal {signal} to redis-server.");
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private async Task StartProcessAsync()
    {
        var arguments = new List<string>
        {
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory, "--protected-mode", "no",
            "--loglevel", "notice",
        };
        if (_tls)
        {
            arguments.AddRange([
                "--port", "0", "--tls-port", Port.ToString(),
                "--tls-cert-file", Path.Combine(_directory, "server.crt"),
                "--tls-key-file", Path.Combine(_directory, "server.key"),
                "--tls-ca-cert-file", Path.Combine(_directory, "ca.crt"),
                "--tls-auth-clients", "no",
            ]);
        }
        else
        {
            arguments.AddRange(["--port", Port.ToString()]);
        }
        if (_password is not null)
        {
            arguments.AddRange(["--requirepass", _password]);
        }
        arguments.AddRange(_extraArguments);
        var startInfo = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"redis-server exited at start:\n{Log()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"redis-server did not become ready:\n{Log()}");
        }

        string Log()
        {
            lock (log) return log.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 WriteCertificates(string directory)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Khcn Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(6), [1, 2, 3, 4, 5, 6, 7, 8]);

        File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.crt"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
        return ca;
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            try { Resume(); } catch (InvalidOperationException) { /* not paused */ }
        }
        Kill();
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
