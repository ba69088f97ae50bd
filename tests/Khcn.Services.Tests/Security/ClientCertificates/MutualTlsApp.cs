using System.Collections.Concurrent;
using Khcn.Security;
using Khcn.ServiceDefaults.Security.ClientCertificates;
using Khcn.Tests.Hosting;
using Khcn.Tests.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khcn.Services.Tests.Security.ClientCertificates;

/// <summary>
/// A service built the way every Khcn service is (AddServiceDefaults, MapDefaultEndpoints) plus AddTransportSecurity,
/// listening with https on a loopback port, configured only through configuration keys. It records, per request,
/// the calling system it saw and the caller identity that system maps to.
/// </summary>
internal sealed class MutualTlsApp : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private MutualTlsApp(LoopbackApp app, ConcurrentQueue<CallerSeen> callers)
    {
        _app = app;
        Callers = callers;
    }

    public int Port => _app.Address.Port;

    public IReadOnlyCollection<CallerSeen> Callers { get; }

    /// <param name="settings">Configuration keys and values, e.g. ("Authentication:ClientCertificates:Mode", "Require").</param>
    public static async Task<MutualTlsApp> StartAsync(DevelopmentPki pki, params (string Key, string Value)[] settings)
    {
        List<string> args =
        [
            "--urls", "https://127.0.0.1:0",
            "--Kestrel:Certificates:Default:Path", pki.Server.Certificate,
            "--Kestrel:Certificates:Default:KeyPath", pki.Server.Key,
        ];
        foreach (var (key, value) in settings)
        {
            args.AddRange(["--" + key, value]);
        }

        var builder = WebApplication.CreateBuilder([.. args]);
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddTransportSecurity();

        var app = builder.Build();
        var callers = new ConcurrentQueue<CallerSeen>();
        var identities = app.Services.GetRequiredService<ClientCertificateCallerIdentities>();
        app.Use(async (context, next) =>
        {
            var caller = context.GetClientCertificateCaller();
            callers.Enqueue(new CallerSeen(caller, caller is null ? null : identities.ToCallerIdentity(caller)));
            await next(context);
        });
        app.MapDefaultEndpoints();
        try
        {
            return new MutualTlsApp(await LoopbackApp.StartAsync(app), callers);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <param name="Caller">The calling system the request's certificate named; null without a certificate.</param>
/// <param name="Identity">What that system is granted.</param>
internal sealed record CallerSeen(ClientCertificateCaller? Caller, CallerIdentity? Identity);
