using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Khcn.Grpc.Net.Client.Tests.Echo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Grpc.Net.Client.Tests.Diagnostics;

/// <summary>What the service saw of one call: its ambient Activity and the traceparent header values.</summary>
public sealed record ServerSideView(Activity? Ambient, string[] Traceparents);

/// <summary>Our own server on Kestrel (h2c, 127.0.0.1, port 0) hosting <see cref="TracedEchoService"/>.</summary>
public sealed class TracedEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TracedEchoServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentDictionary<string, ServerSideView> Views => _app.Services.GetRequiredService<ConcurrentDictionary<string, ServerSideView>>();

    public static async Task<TracedEchoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(new ConcurrentDictionary<string, ServerSideView>());
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<TracedEchoService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TracedEchoServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Echoes, records what it saw per request text, and answers with the status code a request asks for.</summary>
public sealed class TracedEchoService(ConcurrentDictionary<string, ServerSideView> views) : EchoService.EchoServiceBase
{
    public override Task<EchoReply> GetEcho(EchoRequest request, ServerCallContext context)
    {
        Record(request.Text, context);
        return request.Count == 0
            ? Task.FromResult(new EchoReply { Text = request.Text })
            : throw new RpcException(new Status((StatusCode)request.Count, request.Text));
    }

    public override async Task ListEchoes(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        Record(request.Text, context);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = i });
        }
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            Record(requestStream.Current.Text, context);
            await responseStream.WriteAsync(new EchoReply { Text = requestStream.Current.Text });
        }
    }

    private void Record(string key, ServerCallContext context) =>
        views[key] = new ServerSideView(Activity.Current, context.GetHttpContext().Request.Headers["traceparent"].ToArray()!);
}
