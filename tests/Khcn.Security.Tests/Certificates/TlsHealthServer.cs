using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Khcn.Security.Certificates;
using Khcn.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Khcn.Security.Tests.Certificates;

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking gRPC over TLS (HTTP/2, ALPN h2) with the standard health service.
/// Given a validator it requires mutual TLS, and it records which calling system each request came from and why
/// each refused client certificate was refused. It owns the server certificate it is given and disposes it on stop.
/// </summary>
internal sealed class TlsHealthServer : IAsyncDisposable
{
    private readonly LoopbackApp _app;
    private readonly X509Certificate2 _serverCertificate;
    private readonly ConcurrentQueue<string> _callerSystems;
    private readonly ConcurrentQueue<string> _refusals;

    private TlsHealthServer(
        LoopbackApp app, X509Certificate2 serverCertificate, ConcurrentQueue<string> callerSystems, ConcurrentQueue<string> refusals)
    {
        _app = app;
        _serverCertificate = serverCertificate;
        _callerSystems = callerSystems;
        _refusals = refusals;
    }

    public int Port => _app.Address.Port;

    /// <summary>The system names the server read from the client certificates of the requests it served.</summary>
    public IReadOnlyCollection<string> CallerSystems => _callerSystems;

    /// <summary>Why the validator refused the client certificates it was shown.</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    public static async Task<TlsHealthServer> StartAsync(X509Certificate2 serverCertificate, CertificateChainValidator? clientValidator = null)
    {
        var callerSystems = new ConcurrentQueue<string>();
        var refusals = new ConcurrentQueue<string>();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(https =>
            {
                https.ServerCertificate = serverCertificate;
                if (clientValidator is not null)
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (certificate, _, _) =>
                    {
                        var trusted = clientValidator.TryValidate(certificate, out var failure);
                        if (!trusted)
                        {
                            refusals.Enqueue(failure!);
                        }

                        return trusted;
                    };
                }
            });
        }));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy());

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Connection.ClientCertificate is { } certificate && ClientCertificateIdentity.TryRead(certificate, out var system))
            {
                callerSystems.Enqueue(system);
            }

            await next(context);
        });
        app.MapGrpcHealthChecksService();
        return new TlsHealthServer(await LoopbackApp.StartAsync(app), serverCertificate, callerSystems, refusals);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _serverCertificate.Dispose();
    }
}
