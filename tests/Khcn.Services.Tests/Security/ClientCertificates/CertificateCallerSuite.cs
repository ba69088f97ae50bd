using Grpc.Net.Client;
using Khcn.Audit.V1;
using Khcn.Security;
using Khcn.Services.Tests.Hosting;
using Khcn.Tasks.V1;
using Task = System.Threading.Tasks.Task;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// Tasks over mutual TLS (certificates optional, <c>Mode=Allow</c>) accepting bearer tokens too, and a second Tasks
/// that accepts client certificates only. Systems: <see cref="Reader"/> (tasks.read), <see cref="ProvinceSystem"/>
/// (tasks.read, tasks.write, province 12), <see cref="Unconfigured"/> (a certificate from the same authority, no grants).
/// The province catalog comes from a Provinces without authentication: a certificate caller has no token to forward.
/// </summary>
public sealed class CertificateCallerSuite : IAsyncLifetime
{
    public const string Reader = "reader-system";
    public const string ProvinceSystem = "province-system";
    public const string Unconfigured = "unconfigured-system";
    public const string ProvinceCode = "12";

    private readonly ServiceHostGroup _hosts = new("certificate-callers");
    private readonly Dictionary<(Uri, string?), GrpcChannel> _channels = [];

    internal SystemCertificates Certificates { get; } = new(Reader, ProvinceSystem, Unconfigured);

    public SigningKeys Keys { get; } = new();

    /// <summary>Tasks accepting bearer tokens and certificates.</summary>
    public Uri Tasks { get; private set; } = null!;

    /// <summary>Tasks accepting certificates only (no Authentication:Jwt).</summary>
    public Uri CertificateOnlyTasks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var catalog = await _hosts.StartAsync(typeof(Khcn.Provinces.Grpc.ProvincesGrpcService).Assembly, "provincesdb", []);
        string[] tasksSettings =
        [
            .. Certificates.ServerSettings,
            $"--services:provinces:http:0={catalog.Address}",
            "--Seeds:Load=false",
            "--Authentication:ClientCertificates:Mode=Allow",
            $"--Authentication:ClientCertificates:TrustedAuthorities={Certificates.AuthorityPath}",
            $"--Authentication:ClientCertificates:Systems:{Reader}:Scopes:0={KhcnClaims.Scopes.TasksRead}",
            $"--Authentication:ClientCertificates:Systems:{ProvinceSystem}:Scopes:0={KhcnClaims.Scopes.TasksRead}",
            $"--Authentication:ClientCertificates:Systems:{ProvinceSystem}:Scopes:1={KhcnClaims.Scopes.TasksWrite}",
            $"--Authentication:ClientCertificates:Systems:{ProvinceSystem}:Provinces:0={ProvinceCode}",
        ];
        var tasks = await _hosts.StartAsync(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly, "tasksdb", [.. Keys.ServiceSettings, .. tasksSettings]);
        var certificateOnly = await _hosts.StartAsync(typeof(Khcn.Tasks.Grpc.TasksGrpcService).Assembly, "tasksdb", tasksSettings);
        Tasks = tasks.Address;
        CertificateOnlyTasks = certificateOnly.Address;
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        await _hosts.DisposeAsync();
        Keys.Dispose();
        Certificates.Dispose();
    }

    /// <summary>The Tasks client of <paramref name="address"/> presenting <paramref name="system"/>'s certificate (none when null).</summary>
    public TasksService.TasksServiceClient TasksAs(string? system, Uri? address = null) => new(Channel(address ?? Tasks, system));

    public AuditService.AuditServiceClient AuditOfTasks() => new(Channel(Tasks, null));

    private GrpcChannel Channel(Uri address, string? system)
    {
        lock (_channels)
        {
            if (!_channels.TryGetValue((address, system), out var channel))
            {
                channel = Certificates.Channel(address, system);
                _channels.Add((address, system), channel);
            }

            return channel;
        }
    }
}
